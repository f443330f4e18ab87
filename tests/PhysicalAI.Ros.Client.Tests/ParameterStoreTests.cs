using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Ros.Client.Tests;

/// <summary>
/// The rules of <see cref="ParameterStore"/>, checked against rclcpp's NodeParameters
/// (rclcpp/src/rclcpp/node_interfaces/node_parameters.cpp): declaration and overrides, static typing,
/// read-only, ranges, on-set callbacks, atomic sets, undeclared parameters, events and list_parameters.
/// </summary>
public class ParameterStoreTests
{
    private const string Node = "/talker";

    private static ParameterStore Store(params (string Name, ParameterValue Value, string Source)[] overrides) =>
        new(Node, overrides.ToDictionary(o => o.Name, o => (o.Value, o.Source), StringComparer.Ordinal), allowUndeclared: false);

    private static ParameterStore Store(bool allowUndeclared) =>
        new(Node, new Dictionary<string, (ParameterValue, string)>(StringComparer.Ordinal), allowUndeclared);

    private static List<ParameterChange> Record(ParameterStore store)
    {
        var changes = new List<ParameterChange>();
        store.Changed += changes.Add;
        return changes;
    }

    private static Parameter P<T>(string name, T value) => new(name, ParameterValue.From(value));

    // ---- declaration and overrides -------------------------------------------------------------

    [Test]
    public void Declare_WithoutOverride_TakesTheDefault()
    {
        ParameterStore store = Store();
        ParameterValue value = store.Declare("rate", ParameterValue.Of(30.0));
        (ParameterDescriptor descriptor, ParameterType type, ParameterValue described) = store.Describe("rate");
        Assert.Multiple(() =>
        {
            Assert.That(value, Is.EqualTo(ParameterValue.Of(30.0)));
            Assert.That(store.Get("rate"), Is.EqualTo(ParameterValue.Of(30.0)));
            Assert.That(store.Has("rate"), Is.True);
            Assert.That(type, Is.EqualTo(ParameterType.Double), "statically typed by the default");
            Assert.That(described, Is.EqualTo(ParameterValue.Of(30.0)));
            Assert.That(descriptor, Is.EqualTo(new ParameterDescriptor()));
        });
    }

    [Test]
    public void Declare_OverrideWins()
    {
        ParameterStore store = Store(("rate", ParameterValue.Of(10.0), "params.yaml:3"));
        ParameterValue value = store.Declare("rate", ParameterValue.Of(30.0));
        Assert.Multiple(() =>
        {
            Assert.That(value, Is.EqualTo(ParameterValue.Of(10.0)));
            Assert.That(store.Get("rate"), Is.EqualTo(ParameterValue.Of(10.0)));
            Assert.That(store.Describe("rate").Type, Is.EqualTo(ParameterType.Double));
        });
    }

    [Test]
    public void Declare_IgnoreOverride_KeepsTheDefault()
    {
        ParameterStore store = Store(("rate", ParameterValue.Of(10.0), "params.yaml:3"));
        Assert.That(store.Declare("rate", ParameterValue.Of(30.0), ignoreOverride: true), Is.EqualTo(ParameterValue.Of(30.0)));
    }

    [Test]
    public void Declare_OverrideOfAnotherType_NamesTheSourceAndKey()
    {
        ParameterStore store = Store(("rate", ParameterValue.Of("fast"), "params.yaml:4"));
        var e = Assert.Throws<InvalidParameterTypeException>(() => store.Declare("rate", ParameterValue.Of(30.0)))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Is.EqualTo("parameter 'rate' of node '/talker': params.yaml:4 gives string (fast) but the parameter is declared as double"));
            Assert.That(store.Has("rate"), Is.False, "a failed declaration declares nothing");
        });
    }

    [Test]
    public void Declare_OverrideOfAnotherType_IsTakenWhenDynamicallyTyped()
    {
        ParameterStore store = Store(("rate", ParameterValue.Of("fast"), "params.yaml:4"));
        ParameterValue value = store.Declare("rate", ParameterValue.Of(30.0), new ParameterDescriptor { DynamicTyping = true });
        Assert.Multiple(() =>
        {
            Assert.That(value, Is.EqualTo(ParameterValue.Of("fast")));
            Assert.That(store.Describe("rate").Type, Is.EqualTo(ParameterType.NotSet), "held to no type");
            Assert.That(store.Set(P("rate", 5L)).Successful, Is.True, "and may change type later");
        });
    }

    [Test]
    public void Declare_Twice_IsRejected()
    {
        ParameterStore store = Store();
        store.Declare("rate", ParameterValue.Of(30.0));
        var e = Assert.Throws<ParameterAlreadyDeclaredException>(() => store.Declare("rate", ParameterValue.Of(1.0)))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Is.EqualTo("parameter 'rate' of node '/talker' is already declared"));
            Assert.That(store.Get("rate"), Is.EqualTo(ParameterValue.Of(30.0)));
        });
    }

    [Test]
    public void Declare_EmptyName_IsRejected() =>
        Assert.Throws<ArgumentException>(() => Store().Declare(string.Empty, ParameterValue.Of(1L)));

    /// <summary>
    /// rclcpp's declare_parameter_helper: a statically typed parameter takes its type from the default, and a
    /// default of PARAMETER_NOT_SET throws InvalidParameterTypeException "cannot declare a statically typed
    /// parameter with an uninitialized value" (with or without an override).
    /// </summary>
    [Test]
    public void Declare_WithNoValue_StaticallyTyped_IsRejectedAsRclcppDoes()
    {
        ParameterStore store = Store();
        var e = Assert.Throws<InvalidParameterTypeException>(() => store.Declare("mode", ParameterValue.NotSet))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("cannot declare a statically typed parameter with an uninitialized value"));
            Assert.That(store.Has("mode"), Is.False);
        });
    }

    [Test]
    public void Declare_WithNoValue_DynamicallyTyped_HoldsNotSet()
    {
        ParameterStore store = Store();
        store.Declare("mode", ParameterValue.NotSet, new ParameterDescriptor { DynamicTyping = true });
        Assert.Multiple(() =>
        {
            Assert.That(store.Has("mode"), Is.True);
            Assert.That(store.Get("mode"), Is.EqualTo(ParameterValue.NotSet));
            Assert.That(store.Set(P("mode", "auto")).Successful, Is.True);
            Assert.That(store.Get("mode"), Is.EqualTo(ParameterValue.Of("auto")));
        });
    }

    [Test]
    public void Get_Undeclared_IsRejected()
    {
        ParameterStore store = Store();
        store.Declare("rate", ParameterValue.Of(30.0));
        var e = Assert.Throws<ParameterNotDeclaredException>(() => store.Get("ghost"))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.StartWith("parameter 'ghost' of node '/talker' is not declared"));
            Assert.That(store.GetAll(["rate", "ghost"]), Is.Null, "all or nothing, as the get_parameters service answers");
            Assert.That(store.GetAll(["rate"]), Is.EqualTo(new[] { ParameterValue.Of(30.0) }));
        });
    }

    // ---- read-only ------------------------------------------------------------------------------

    [Test]
    public void ReadOnly_TakesItsOverride_ButRejectsSet()
    {
        ParameterStore store = Store(("frame", ParameterValue.Of("odom"), "params.yaml:2"));
        List<ParameterChange> changes = Record(store);
        store.Declare("frame", ParameterValue.Of("map"), new ParameterDescriptor { ReadOnly = true });
        SetParametersResult result = store.Set(P("frame", "base_link"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Successful, Is.False);
            Assert.That(result.Reason, Is.EqualTo("parameter 'frame' cannot be set because it is read-only"));
            Assert.That(store.Get("frame"), Is.EqualTo(ParameterValue.Of("odom")), "the params file still sets it");
            Assert.That(changes, Has.Count.EqualTo(1), "only the declaration was announced");
        });
    }

    [Test]
    public void ReadOnly_CannotBeUndeclared()
    {
        ParameterStore store = Store();
        store.Declare("frame", ParameterValue.Of("map"), new ParameterDescriptor { ReadOnly = true, DynamicTyping = true });
        var e = Assert.Throws<InvalidParameterValueException>(() => store.Undeclare("frame"))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Is.EqualTo("parameter 'frame' of node '/talker' is read-only and cannot be undeclared"));
            Assert.That(store.Has("frame"), Is.True);
        });
    }

    // ---- ranges -----------------------------------------------------------------------------------

    private static readonly ParameterDescriptor IntegerSteps = new() { IntegerRange = new IntegerRange(0, 10, 3) };

    [TestCase(0L, true)]
    [TestCase(3L, true)]
    [TestCase(6L, true)]
    [TestCase(9L, true)]
    [TestCase(10L, true)] // `to` is always allowed, even off the step grid
    [TestCase(1L, false)]
    [TestCase(8L, false)]
    [TestCase(11L, false)]
    [TestCase(12L, false)] // on the grid but past `to`
    [TestCase(-3L, false)]
    public void IntegerRange_WithStep(long value, bool allowed)
    {
        ParameterStore store = Store();
        store.Declare("count", ParameterValue.Of(0L), IntegerSteps);
        SetParametersResult result = store.Set(P("count", value));
        Assert.Multiple(() =>
        {
            Assert.That(result.Successful, Is.EqualTo(allowed));
            Assert.That(store.Get("count"), Is.EqualTo(ParameterValue.Of(allowed ? value : 0L)));
            if (!allowed)
            {
                Assert.That(result.Reason, Does.StartWith("Parameter {count} doesn't comply with integer range"));
            }
        });
    }

    [Test]
    public void IntegerRange_Reason_GivesTheRangeAndValue()
    {
        ParameterStore store = Store();
        store.Declare("count", ParameterValue.Of(0L), IntegerSteps);
        Assert.That(store.Set(P("count", 8L)).Reason, Is.EqualTo("Parameter {count} doesn't comply with integer range [0, 10] in steps of 3 (value 8)"));
    }

    [Test]
    public void IntegerRange_WithoutStep_AllowsAnyValueInside()
    {
        ParameterStore store = Store();
        store.Declare("count", ParameterValue.Of(0L), new ParameterDescriptor { IntegerRange = new IntegerRange(-5, 5) });
        Assert.Multiple(() =>
        {
            Assert.That(store.Set(P("count", -5L)).Successful, Is.True);
            Assert.That(store.Set(P("count", 1L)).Successful, Is.True);
            Assert.That(store.Set(P("count", 5L)).Successful, Is.True);
            Assert.That(store.Set(P("count", 6L)).Successful, Is.False);
            Assert.That(store.Set(P("count", -6L)).Successful, Is.False);
        });
    }

    [Test]
    public void Range_OnDeclare_DefaultOutOfRange_IsRejected()
    {
        ParameterStore store = Store();
        var e = Assert.Throws<InvalidParameterValueException>(() => store.Declare("count", ParameterValue.Of(4L), IntegerSteps))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Is.EqualTo("parameter 'count' of node '/talker' (the default): Parameter {count} doesn't comply with integer range [0, 10] in steps of 3 (value 4)"));
            Assert.That(store.Has("count"), Is.False);
        });
    }

    [Test]
    public void Range_OnDeclare_OverrideOutOfRange_NamesTheSource()
    {
        ParameterStore store = Store(("count", ParameterValue.Of(20L), "params.yaml:7"));
        var e = Assert.Throws<InvalidParameterValueException>(() => store.Declare("count", ParameterValue.Of(3L), IntegerSteps))!;
        Assert.That(e.Message, Does.StartWith("parameter 'count' of node '/talker' (params.yaml:7): Parameter {count} doesn't comply with integer range"));
    }

    private static readonly ParameterDescriptor FloatingSteps = new() { FloatingPointRange = new FloatingPointRange(0.0, 1.0, 0.1) };

    [TestCase(0.0, true)]
    [TestCase(0.7, true)]
    [TestCase(0.1 + 0.2, true)] // 0.30000000000000004: on the grid within rclcpp's tolerance
    [TestCase(0.9, true)]
    [TestCase(1.0, true)]
    [TestCase(1.0 + 2e-16, true)] // equal to `to` within rclcpp's tolerance
    [TestCase(0.35, false)]
    [TestCase(0.05, false)]
    [TestCase(1.1, false)]
    [TestCase(-0.1, false)]
    public void FloatingRange_WithStep(double value, bool allowed)
    {
        ParameterStore store = Store();
        store.Declare("gain", ParameterValue.Of(0.0), FloatingSteps);
        SetParametersResult result = store.Set(P("gain", value));
        Assert.Multiple(() =>
        {
            Assert.That(result.Successful, Is.EqualTo(allowed));
            if (!allowed)
            {
                Assert.That(result.Reason, Does.StartWith("Parameter {gain} doesn't comply with floating point range"));
                Assert.That(store.Get("gain"), Is.EqualTo(ParameterValue.Of(0.0)));
            }
        });
    }

    [Test]
    public void FloatingRange_Reason_GivesTheRangeAndValue()
    {
        ParameterStore store = Store();
        store.Declare("gain", ParameterValue.Of(0.0), FloatingSteps);
        Assert.That(store.Set(P("gain", 0.35)).Reason, Is.EqualTo("Parameter {gain} doesn't comply with floating point range [0, 1] in steps of 0.1 (value 0.35)"));
    }

    [Test]
    public void FloatingRange_WithoutStep_AllowsAnyValueInside()
    {
        ParameterStore store = Store();
        store.Declare("gain", ParameterValue.Of(0.0), new ParameterDescriptor { FloatingPointRange = new FloatingPointRange(-1.0, 1.0) });
        Assert.Multiple(() =>
        {
            Assert.That(store.Set(P("gain", 0.123456)).Successful, Is.True);
            Assert.That(store.Set(P("gain", -1.0)).Successful, Is.True);
            Assert.That(store.Set(P("gain", 1.5)).Successful, Is.False);
        });
    }

    /// <summary>
    /// rclcpp compares with <c>__are_doubles_equal(x, y, ulp = 100)</c>:
    /// <c>|x - y| &lt;= DBL_EPSILON * |x + y| * 100</c> (about 2e-14 relative), against the bounds and
    /// against <c>from + round((v - from) / step) * step</c>. Values 1e-7 off the grid or past a bound are refused.
    /// </summary>
    [TestCase(1.0000001)]  // 1e-7 above `to`
    [TestCase(-0.0000001)] // 1e-7 below `from`
    [TestCase(0.3000001)]  // 1e-7 off the step grid
    [TestCase(0.5000002)]
    public void FloatingRange_ToleranceIsRclcppsHundredUlps(double value)
    {
        ParameterStore store = Store();
        store.Declare("gain", ParameterValue.Of(0.0), FloatingSteps);
        SetParametersResult result = store.Set(P("gain", value));
        Assert.Multiple(() =>
        {
            Assert.That(result.Successful, Is.False, $"rclcpp refuses {value:R} for [0, 1] in steps of 0.1");
            Assert.That(store.Get("gain"), Is.EqualTo(ParameterValue.Of(0.0)));
        });
    }

    [Test]
    public void Range_OfTheOtherKind_DoesNotApply()
    {
        ParameterStore store = Store();
        store.Declare("x", ParameterValue.Of(0.5), new ParameterDescriptor { DynamicTyping = true, IntegerRange = new IntegerRange(0, 1) });
        Assert.Multiple(() =>
        {
            Assert.That(store.Set(P("x", 7.5)).Successful, Is.True, "an integer range does not constrain doubles");
            Assert.That(store.Set(P("x", 7L)).Successful, Is.False, "but does constrain integers");
        });
    }

    // ---- on-set callbacks -------------------------------------------------------------------------

    [Test]
    public void OnSetCallback_CanReject_AndRemovingItLetsTheValueThrough()
    {
        ParameterStore store = Store();
        store.Declare("rate", ParameterValue.Of(30.0));
        var seen = new List<IReadOnlyList<Parameter>>();
        IDisposable registration = store.AddOnSetCallback(parameters =>
        {
            seen.Add(parameters);
            return parameters.Any(p => p.Value.Value is > 100.0) ? SetParametersResult.Rejected("rate above 100 Hz") : SetParametersResult.Ok;
        });

        SetParametersResult refused = store.Set(P("rate", 150.0));
        SetParametersResult accepted = store.Set(P("rate", 50.0));
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EqualTo(new SetParametersResult(false, "rate above 100 Hz")));
            Assert.That(accepted.Successful, Is.True);
            Assert.That(store.Get("rate"), Is.EqualTo(ParameterValue.Of(50.0)));
            Assert.That(seen.Select(s => s.Single()), Is.EqualTo(new[] { P("rate", 150.0), P("rate", 50.0) }));
        });

        registration.Dispose();
        Assert.Multiple(() =>
        {
            Assert.That(store.Set(P("rate", 150.0)).Successful, Is.True);
            Assert.That(store.Get("rate"), Is.EqualTo(ParameterValue.Of(150.0)));
            Assert.That(seen, Has.Count.EqualTo(2), "a removed callback is not called");
        });
    }

    [Test]
    public void OnSetCallback_RunsOnDeclare_AndCanRefuseIt()
    {
        ParameterStore store = Store(("rate", ParameterValue.Of(500.0), "-p rate"));
        using IDisposable registration = store.AddOnSetCallback(parameters =>
            parameters.Any(p => p.Value.Value is > 100.0) ? SetParametersResult.Rejected("rate above 100 Hz") : SetParametersResult.Ok);
        var e = Assert.Throws<InvalidParameterValueException>(() => store.Declare("rate", ParameterValue.Of(30.0)))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Is.EqualTo("parameter 'rate' of node '/talker' (-p rate) was refused: rate above 100 Hz"));
            Assert.That(store.Has("rate"), Is.False);
        });
    }

    [Test]
    public void OnSetCallback_IsNotCalled_WhenTheStoreRefusesFirst()
    {
        ParameterStore store = Store();
        store.Declare("count", ParameterValue.Of(0L), IntegerSteps);
        int calls = 0;
        using IDisposable registration = store.AddOnSetCallback(_ =>
        {
            calls++;
            return SetParametersResult.Ok;
        });
        store.Set(P("count", "three"));
        store.Set(P("count", 4L));
        Assert.That(calls, Is.Zero, "type and range are checked before the callbacks, as in rclcpp");
    }

    /// <summary>rclcpp's add_on_set_parameters_callback: "the last callback registered is executed first" (emplace_front).</summary>
    [Test]
    public void OnSetCallbacks_RunNewestFirst_AsRclcpp()
    {
        ParameterStore store = Store();
        store.Declare("rate", ParameterValue.Of(30.0));
        var order = new List<string>();
        using IDisposable first = store.AddOnSetCallback(_ =>
        {
            order.Add("first");
            return SetParametersResult.Rejected("refused by the first callback");
        });
        using IDisposable second = store.AddOnSetCallback(_ =>
        {
            order.Add("second");
            return SetParametersResult.Rejected("refused by the second callback");
        });
        SetParametersResult result = store.Set(P("rate", 40.0));
        Assert.Multiple(() =>
        {
            Assert.That(result.Reason, Is.EqualTo("refused by the second callback"));
            Assert.That(order, Is.EqualTo(new[] { "second" }), "the first refusal stops the rest");
        });
    }

    // ---- types --------------------------------------------------------------------------------------

    [Test]
    public void Set_WrongType_IsRejectedWithRclcppsWording()
    {
        ParameterStore store = Store();
        store.Declare("count", ParameterValue.Of(3L));
        SetParametersResult result = store.Set(P("count", 2.5));
        Assert.Multiple(() =>
        {
            Assert.That(result.Successful, Is.False);
            Assert.That(result.Reason, Is.EqualTo("Wrong parameter type, parameter {count} is of type {integer}, setting it to {double} is not allowed."));
            Assert.That(store.Get("count"), Is.EqualTo(ParameterValue.Of(3L)));
        });
    }

    /// <summary>
    /// rclcpp's format_type_reason prints rclcpp::to_string(ParameterType): "bool", "byte_array", "bool_array",
    /// "integer_array", "double_array", "string_array" (not ros2cli's "boolean" or "string array").
    /// </summary>
    [TestCase(true, new[] { "a" }, "Wrong parameter type, parameter {p} is of type {bool}, setting it to {string_array} is not allowed.")]
    [TestCase(new long[] { 1 }, new[] { true }, "Wrong parameter type, parameter {p} is of type {integer_array}, setting it to {bool_array} is not allowed.")]
    [TestCase(new[] { 0.5 }, new byte[] { 1 }, "Wrong parameter type, parameter {p} is of type {double_array}, setting it to {byte_array} is not allowed.")]
    public void Set_WrongType_UsesRclcppsTypeNames(object declared, object given, string reason)
    {
        ParameterStore store = Store();
        store.Declare("p", ParameterValue.From(declared));
        Assert.That(store.Set(new Parameter("p", ParameterValue.From(given))).Reason, Is.EqualTo(reason));
    }

    [Test]
    public void Set_ToNotSet_StaticallyTyped_IsRejected()
    {
        ParameterStore store = Store();
        store.Declare("count", ParameterValue.Of(3L));
        SetParametersResult result = store.Set(new Parameter("count", ParameterValue.NotSet));
        Assert.Multiple(() =>
        {
            Assert.That(result.Successful, Is.False);
            Assert.That(store.Get("count"), Is.EqualTo(ParameterValue.Of(3L)));
        });
    }

    // ---- atomic and separate sets -----------------------------------------------------------------

    [Test]
    public void SetAtomically_IsAllOrNothing()
    {
        ParameterStore store = Store();
        store.Declare("a", ParameterValue.Of(1L));
        store.Declare("b", ParameterValue.Of(2L), new ParameterDescriptor { IntegerRange = new IntegerRange(0, 10) });
        List<ParameterChange> changes = Record(store);

        SetParametersResult refused = store.SetAtomically([P("a", 5L), P("b", 50L)]);
        Assert.Multiple(() =>
        {
            Assert.That(refused.Successful, Is.False);
            Assert.That(refused.Reason, Does.StartWith("Parameter {b} doesn't comply with integer range"));
            Assert.That(store.Get("a"), Is.EqualTo(ParameterValue.Of(1L)), "a is not set when b fails");
            Assert.That(store.Get("b"), Is.EqualTo(ParameterValue.Of(2L)));
            Assert.That(changes, Is.Empty);
        });

        SetParametersResult accepted = store.SetAtomically([P("a", 5L), P("b", 6L)]);
        Assert.Multiple(() =>
        {
            Assert.That(accepted, Is.EqualTo(SetParametersResult.Ok));
            Assert.That(store.Get("a"), Is.EqualTo(ParameterValue.Of(5L)));
            Assert.That(store.Get("b"), Is.EqualTo(ParameterValue.Of(6L)));
            Assert.That(changes, Has.Count.EqualTo(1), "one event for the whole set");
            Assert.That(changes[0].Changed, Is.EqualTo(new[] { P("a", 5L), P("b", 6L) }));
        });
    }

    [Test]
    public void SetAtomically_CallbackRefusal_SetsNothing()
    {
        ParameterStore store = Store();
        store.Declare("a", ParameterValue.Of(1L));
        store.Declare("b", ParameterValue.Of(2L));
        using IDisposable registration = store.AddOnSetCallback(ps =>
            ps.Count == 2 ? SetParametersResult.Rejected("a and b go together only in pairs I like") : SetParametersResult.Ok);
        SetParametersResult result = store.SetAtomically([P("a", 7L), P("b", 8L)]);
        Assert.Multiple(() =>
        {
            Assert.That(result.Reason, Is.EqualTo("a and b go together only in pairs I like"));
            Assert.That(store.Get("a"), Is.EqualTo(ParameterValue.Of(1L)));
            Assert.That(store.Get("b"), Is.EqualTo(ParameterValue.Of(2L)));
        });
    }

    [Test]
    public void SetEach_SetsWhatItCan()
    {
        ParameterStore store = Store();
        store.Declare("a", ParameterValue.Of(1L));
        store.Declare("b", ParameterValue.Of(2L), new ParameterDescriptor { IntegerRange = new IntegerRange(0, 10) });
        IReadOnlyList<SetParametersResult> results = store.SetEach([P("a", 5L), P("b", 50L)]);
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Successful), Is.EqualTo(new[] { true, false }));
            Assert.That(store.Get("a"), Is.EqualTo(ParameterValue.Of(5L)));
            Assert.That(store.Get("b"), Is.EqualTo(ParameterValue.Of(2L)));
        });
    }

    // ---- undeclared parameters ------------------------------------------------------------------

    [Test]
    public void Set_Undeclared_IsRejected()
    {
        ParameterStore store = Store();
        List<ParameterChange> changes = Record(store);
        SetParametersResult result = store.Set(P("ghost", 1L));
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(new SetParametersResult(false, "parameter 'ghost' cannot be set because it was not declared")));
            Assert.That(store.Has("ghost"), Is.False);
            Assert.That(changes, Is.Empty);
        });
    }

    [Test]
    public void Set_Undeclared_WithAllowUndeclared_DeclaresItDynamicallyTyped()
    {
        ParameterStore store = Store(allowUndeclared: true);
        List<ParameterChange> changes = Record(store);
        SetParametersResult result = store.Set(P("ghost", 1L));
        (ParameterDescriptor descriptor, ParameterType type, ParameterValue value) = store.Describe("ghost");
        Assert.Multiple(() =>
        {
            Assert.That(result.Successful, Is.True);
            Assert.That(value, Is.EqualTo(ParameterValue.Of(1L)));
            Assert.That(type, Is.EqualTo(ParameterType.NotSet));
            Assert.That(descriptor.DynamicTyping, Is.True);
            Assert.That(changes.Single(), Is.EqualTo(new ParameterChange([P("ghost", 1L)], [], [])).Using<ParameterChange>(SameChange));
        });

        Assert.Multiple(() =>
        {
            Assert.That(store.Set(P("ghost", "now a string")).Successful, Is.True, "implicitly declared parameters may change type");
            Assert.That(store.Get("ghost"), Is.EqualTo(ParameterValue.Of("now a string")));
            Assert.That(changes[1].Changed, Is.EqualTo(new[] { P("ghost", "now a string") }));
        });
    }

    [Test]
    public void Set_UndeclaredToNotSet_WithAllowUndeclared_IsRejected()
    {
        ParameterStore store = Store(allowUndeclared: true);
        SetParametersResult result = store.Set(new Parameter("ghost", ParameterValue.NotSet));
        Assert.Multiple(() =>
        {
            Assert.That(result.Successful, Is.False);
            Assert.That(store.Has("ghost"), Is.False);
        });
    }

    // ---- undeclare --------------------------------------------------------------------------------

    [Test]
    public void Undeclare_RemovesADynamicallyTypedParameter()
    {
        ParameterStore store = Store();
        store.Declare("mode", ParameterValue.Of("auto"), new ParameterDescriptor { DynamicTyping = true });
        store.Undeclare("mode");
        Assert.Multiple(() =>
        {
            Assert.That(store.Has("mode"), Is.False);
            Assert.Throws<ParameterNotDeclaredException>(() => store.Get("mode"));
            Assert.That(store.List([], 0).Names, Is.Empty);
        });
    }

    [Test]
    public void Undeclare_Undeclared_IsRejected()
    {
        var e = Assert.Throws<ParameterNotDeclaredException>(() => Store().Undeclare("ghost"))!;
        Assert.That(e.Message, Does.StartWith("parameter 'ghost' of node '/talker' is not declared"));
    }

    /// <summary>
    /// rclcpp's undeclare_parameter throws InvalidParameterTypeException "cannot undeclare a statically typed
    /// parameter" unless the descriptor has dynamic_typing.
    /// </summary>
    [Test]
    public void Undeclare_StaticallyTyped_IsRejectedAsRclcppDoes()
    {
        ParameterStore store = Store();
        store.Declare("rate", ParameterValue.Of(30.0));
        var e = Assert.Throws<InvalidParameterTypeException>(() => store.Undeclare("rate"))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("cannot undeclare a statically typed parameter"));
            Assert.That(store.Has("rate"), Is.True);
        });
    }

    // ---- change events ----------------------------------------------------------------------------

    private static bool SameChange(ParameterChange a, ParameterChange b) =>
        a.New.SequenceEqual(b.New) && a.Changed.SequenceEqual(b.Changed) && a.Deleted.SequenceEqual(b.Deleted);

    [Test]
    public void Changed_ReportsDeclareSetUnsetAndUndeclare()
    {
        ParameterStore store = Store(("rate", ParameterValue.Of(10.0), "params.yaml:3"));
        List<ParameterChange> changes = Record(store);
        store.Declare("rate", ParameterValue.Of(30.0));
        store.Declare("mode", ParameterValue.Of("auto"), new ParameterDescriptor { DynamicTyping = true });
        store.Declare("level", ParameterValue.Of(1L), new ParameterDescriptor { DynamicTyping = true });
        store.Set(P("rate", 40.0));
        store.Set(new Parameter("mode", ParameterValue.NotSet));
        store.Undeclare("level");
        store.Set(P("rate", "refused: wrong type"));

        ParameterChange[] expected =
        [
            new([P("rate", 10.0)], [], []),
            new([P("mode", "auto")], [], []),
            new([P("level", 1L)], [], []),
            new([], [P("rate", 40.0)], []),
            new([], [], [new Parameter("mode", ParameterValue.NotSet)]),
            new([], [], [P("level", 1L)]),
        ];
        Assert.Multiple(() =>
        {
            Assert.That(changes, Is.EqualTo(expected).Using<ParameterChange>(SameChange), "a refused set announces nothing");
            Assert.That(store.Has("mode"), Is.False, "setting a dynamically typed parameter to NOT_SET undeclares it");
        });
    }

    // ---- list_parameters --------------------------------------------------------------------------

    private static ParameterStore Listed()
    {
        ParameterStore store = Store();
        foreach (string name in new[] { "use_sim_time", "b.c.d", "ab", "a.bb", "a.b.c", "a.b", "a" })
        {
            store.Declare(name, ParameterValue.Of(0L));
        }

        return store;
    }

    [Test]
    public void List_NoPrefixes_DepthZero_IsEverythingInNameOrder()
    {
        (IReadOnlyList<string> names, IReadOnlyList<string> prefixes) = Listed().List([], 0);
        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EqualTo(new[] { "a", "a.b", "a.b.c", "a.bb", "ab", "b.c.d", "use_sim_time" }));
            Assert.That(prefixes, Is.EqualTo(new[] { "a", "a.b", "b.c" }), "each name's part before its last dot, once, in order found");
        });
    }

    [TestCase(1UL, new[] { "a", "ab", "use_sim_time" }, new string[0])]
    [TestCase(2UL, new[] { "a", "a.b", "a.bb", "ab", "use_sim_time" }, new[] { "a" })]
    [TestCase(3UL, new[] { "a", "a.b", "a.b.c", "a.bb", "ab", "b.c.d", "use_sim_time" }, new[] { "a", "a.b", "b.c" })]
    public void List_NoPrefixes_DepthCountsDots(ulong depth, string[] names, string[] prefixes)
    {
        (IReadOnlyList<string> n, IReadOnlyList<string> p) = Listed().List([], depth);
        Assert.Multiple(() =>
        {
            Assert.That(n, Is.EqualTo(names));
            Assert.That(p, Is.EqualTo(prefixes));
        });
    }

    [Test]
    public void List_Prefixes_DepthZero_IsRecursiveUnderEachPrefix()
    {
        ParameterStore store = Listed();
        Assert.Multiple(() =>
        {
            Assert.That(store.List(["a"], 0).Names, Is.EqualTo(new[] { "a", "a.b", "a.b.c", "a.bb" }), "'ab' is not under 'a'");
            Assert.That(store.List(["a"], 0).Prefixes, Is.EqualTo(new[] { "a", "a.b" }));
            Assert.That(store.List(["a.b"], 0).Names, Is.EqualTo(new[] { "a.b", "a.b.c" }), "'a.bb' is not under 'a.b'");
            Assert.That(store.List(["a.b", "b"], 0).Names, Is.EqualTo(new[] { "a.b", "a.b.c", "b.c.d" }));
            Assert.That(store.List(["b.c"], 0).Names, Is.EqualTo(new[] { "b.c.d" }), "a prefix need not be a parameter itself");
            Assert.That(store.List(["zzz"], 0).Names, Is.Empty);
            Assert.That(store.List(["zzz"], 0).Prefixes, Is.Empty);
        });
    }

    /// <summary>
    /// Since rclcpp PR #2300 ("fix the depth to relative in list_parameters", in Jazzy and later) the depth
    /// under a prefix counts the separators after <c>prefix + "."</c>: prefix "a", depth 1 lists a.b.
    /// </summary>
    [Test]
    public void List_Prefixes_DepthIsRelativeToThePrefix_AsRclcppSinceJazzy()
    {
        ParameterStore store = Listed();
        Assert.Multiple(() =>
        {
            Assert.That(store.List(["a"], 1).Names, Is.EqualTo(new[] { "a", "a.b", "a.bb" }));
            Assert.That(store.List(["a"], 2).Names, Is.EqualTo(new[] { "a", "a.b", "a.b.c", "a.bb" }));
            Assert.That(store.List(["b"], 1).Names, Is.Empty);
            Assert.That(store.List(["b"], 2).Names, Is.EqualTo(new[] { "b.c.d" }));
        });
    }

    // ---- unused overrides -------------------------------------------------------------------------

    [Test]
    public void UnusedOverrides_AreTheUndeclaredOverrideNames_Sorted()
    {
        ParameterStore store = Store(
            ("rate", ParameterValue.Of(10.0), "params.yaml:3"),
            ("ratee", ParameterValue.Of(10.0), "params.yaml:4"),
            ("gains.kp", ParameterValue.Of(1.5), "params.yaml:6"));
        Assert.That(store.UnusedOverrides(), Is.EqualTo(new[] { "gains.kp", "rate", "ratee" }));
        store.Declare("rate", ParameterValue.Of(30.0));
        Assert.That(store.UnusedOverrides(), Is.EqualTo(new[] { "gains.kp", "ratee" }));
        store.Declare("gains.kp", ParameterValue.Of(1.0));
        Assert.That(store.UnusedOverrides(), Is.EqualTo(new[] { "ratee" }));
    }
}
