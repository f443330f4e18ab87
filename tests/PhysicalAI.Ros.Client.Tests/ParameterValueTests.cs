using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Interfaces;
using Msg = PhysicalAI.Ros.Interfaces.RclInterfaces.Msg;

namespace PhysicalAI.Ros.Client.Tests;

/// <summary>Parameter values, ranges and their rcl_interfaces messages.</summary>
public class ParameterValueTests
{
    private static IEnumerable<TestCaseData> AllTen()
    {
        yield return new TestCaseData(ParameterValue.NotSet, ParameterType.NotSet, "not set").SetArgDisplayNames("not set");
        yield return new TestCaseData(ParameterValue.Of(true), ParameterType.Bool, "true").SetArgDisplayNames("bool");
        yield return new TestCaseData(ParameterValue.Of(-42L), ParameterType.Integer, "-42").SetArgDisplayNames("integer");
        yield return new TestCaseData(ParameterValue.Of(0.1), ParameterType.Double, "0.1").SetArgDisplayNames("double");
        yield return new TestCaseData(ParameterValue.Of("héllo wörld"), ParameterType.String, "héllo wörld").SetArgDisplayNames("string");
        yield return new TestCaseData(ParameterValue.Of(new byte[] { 0, 1, 255 }), ParameterType.ByteArray, "[0, 1, 255]").SetArgDisplayNames("byte array");
        yield return new TestCaseData(ParameterValue.Of(new[] { true, false }), ParameterType.BoolArray, "[true, false]").SetArgDisplayNames("bool array");
        yield return new TestCaseData(ParameterValue.Of(new[] { long.MinValue, 0, long.MaxValue }), ParameterType.IntegerArray, "[-9223372036854775808, 0, 9223372036854775807]").SetArgDisplayNames("integer array");
        yield return new TestCaseData(ParameterValue.Of(new[] { 0.5, -1e300, double.NegativeInfinity }), ParameterType.DoubleArray, "[0.5, -1E+300, -Infinity]").SetArgDisplayNames("double array");
        yield return new TestCaseData(ParameterValue.Of(new[] { "a", string.Empty, "c" }), ParameterType.StringArray, "[a, , c]").SetArgDisplayNames("string array");
    }

    // ---- messages ------------------------------------------------------------------------------------

    [TestCaseSource(nameof(AllTen))]
    public void Message_RoundTrip(ParameterValue value, ParameterType type, string text)
    {
        Msg.ParameterValue message = ParameterMessages.ToMessage(value);
        Assert.Multiple(() =>
        {
            Assert.That(message.Type, Is.EqualTo((byte)type));
            Assert.That(ParameterMessages.FromMessage(message), Is.EqualTo(value));
            Assert.That(ParameterMessages.FromMessage(message).Type, Is.EqualTo(type));
        });
    }

    [TestCaseSource(nameof(AllTen))]
    public void Message_RoundTrip_ThroughCdr(ParameterValue value, ParameterType type, string text)
    {
        var parameter = new Parameter("limits.max_velocity", value);
        byte[] payload = RosSerializer.Serialize(ParameterMessages.ToMessage(parameter));
        Parameter back = ParameterMessages.FromMessage(RosSerializer.Deserialize<Msg.Parameter>(payload));
        Assert.Multiple(() =>
        {
            Assert.That(back, Is.EqualTo(parameter));
            Assert.That(back.Value.Type, Is.EqualTo(type));
        });
    }

    [Test]
    public void Message_FillsOnlyTheFieldOfItsType()
    {
        Msg.ParameterValue integer = ParameterMessages.ToMessage(ParameterValue.Of(7L));
        Msg.ParameterValue strings = ParameterMessages.ToMessage(ParameterValue.Of(new[] { "x" }));
        Assert.Multiple(() =>
        {
            Assert.That(integer.IntegerValue, Is.EqualTo(7L));
            Assert.That(integer.BoolValue, Is.False);
            Assert.That(integer.DoubleValue, Is.Zero);
            Assert.That(integer.StringValue, Is.Empty);
            Assert.That(integer.IntegerArrayValue, Is.Empty);
            Assert.That(strings.StringArrayValue, Is.EqualTo(new[] { "x" }));
            Assert.That(strings.StringValue, Is.Empty);
            Assert.That(strings.IntegerValue, Is.Zero);
        });
    }

    [Test]
    public void Message_ReadsByTheTypeTag_NotByWhichFieldIsFilled()
    {
        var message = new Msg.ParameterValue { Type = (byte)ParameterType.Double, IntegerValue = 5, DoubleValue = 2.5, StringValue = "ignored" };
        Assert.That(ParameterMessages.FromMessage(message), Is.EqualTo(ParameterValue.Of(2.5)));
    }

    [Test]
    public void Message_UnknownTypeTag_IsRejected()
    {
        var e = Assert.Throws<InvalidParameterTypeException>(() => ParameterMessages.FromMessage(new Msg.ParameterValue { Type = 10 }))!;
        Assert.That(e.Message, Is.EqualTo("parameter type tag 10 is not one of ROS 2's parameter types (0-9)"));
    }

    [Test]
    public void DescriptorMessage_CarriesEveryField()
    {
        var descriptor = new ParameterDescriptor
        {
            Description = "control rate",
            AdditionalConstraints = "a divisor of 1000",
            ReadOnly = true,
            DynamicTyping = false,
            IntegerRange = new IntegerRange(-10, 100, 5),
        };
        Msg.ParameterDescriptor message = ParameterMessages.ToMessage("rate", descriptor, ParameterType.Integer);
        Msg.ParameterDescriptor floating = ParameterMessages.ToMessage(
            "gain", new ParameterDescriptor { DynamicTyping = true, FloatingPointRange = new FloatingPointRange(0.0, 1.5, 0.25) }, ParameterType.Double);
        Assert.Multiple(() =>
        {
            Assert.That(message.Name, Is.EqualTo("rate"));
            Assert.That(message.Type, Is.EqualTo((byte)ParameterType.Integer));
            Assert.That(message.Description, Is.EqualTo("control rate"));
            Assert.That(message.AdditionalConstraints, Is.EqualTo("a divisor of 1000"));
            Assert.That(message.ReadOnly, Is.True);
            Assert.That(message.DynamicTyping, Is.False);
            Assert.That(message.IntegerRange, Has.Length.EqualTo(1));
            Assert.That(message.IntegerRange[0].FromValue, Is.EqualTo(-10L));
            Assert.That(message.IntegerRange[0].ToValue, Is.EqualTo(100L));
            Assert.That(message.IntegerRange[0].Step, Is.EqualTo(5UL));
            Assert.That(message.FloatingPointRange, Is.Empty);
            Assert.That(floating.DynamicTyping, Is.True);
            Assert.That(floating.IntegerRange, Is.Empty);
            Assert.That(floating.FloatingPointRange[0].FromValue, Is.EqualTo(0.0));
            Assert.That(floating.FloatingPointRange[0].ToValue, Is.EqualTo(1.5));
            Assert.That(floating.FloatingPointRange[0].Step, Is.EqualTo(0.25));
        });
    }

    // ---- values ----------------------------------------------------------------------------------

    [TestCaseSource(nameof(AllTen))]
    public void ToString_IsHowRosToolsPrintIt(ParameterValue value, ParameterType type, string text) =>
        Assert.That(value.ToString(), Is.EqualTo(text));

    [TestCase(ParameterType.NotSet, "not set")]
    [TestCase(ParameterType.Bool, "boolean")]
    [TestCase(ParameterType.Integer, "integer")]
    [TestCase(ParameterType.Double, "double")]
    [TestCase(ParameterType.String, "string")]
    [TestCase(ParameterType.ByteArray, "byte array")]
    [TestCase(ParameterType.BoolArray, "boolean array")]
    [TestCase(ParameterType.IntegerArray, "integer array")]
    [TestCase(ParameterType.DoubleArray, "double array")]
    [TestCase(ParameterType.StringArray, "string array")]
    public void TypeName_IsWhatRos2ParamDescribePrints(ParameterType type, string name) =>
        Assert.That(ParameterValue.TypeName(type), Is.EqualTo(name));

    [Test]
    public void Equality_IsByTypeAndContent()
    {
        ParameterValue oneTwo = ParameterValue.Of(new long[] { 1, 2 });
        ParameterValue sameContent = ParameterValue.Of([.. new long[] { 1 }, 2]);
        ParameterValue nan = ParameterValue.Of(double.NaN);
        Assert.Multiple(() =>
        {
            Assert.That(oneTwo, Is.EqualTo(sameContent));
            Assert.That(oneTwo.Equals((object)sameContent), Is.True);
            Assert.That(oneTwo.GetHashCode(), Is.EqualTo(sameContent.GetHashCode()));
            Assert.That(oneTwo, Is.Not.EqualTo(ParameterValue.Of(new long[] { 2, 1 })));
            Assert.That(oneTwo, Is.Not.EqualTo(ParameterValue.Of(new long[] { 1, 2, 3 })));
            Assert.That(ParameterValue.Of(1L), Is.Not.EqualTo(ParameterValue.Of(1.0)), "1 and 1.0 have different types");
            Assert.That(ParameterValue.Of(new byte[] { 1 }), Is.Not.EqualTo(ParameterValue.Of(new long[] { 1 })));
            Assert.That(ParameterValue.Of("1"), Is.Not.EqualTo(ParameterValue.Of(1L)));
            Assert.That(ParameterMessages.FromMessage(new Msg.ParameterValue()), Is.EqualTo(ParameterValue.NotSet));
            Assert.That(ParameterValue.Of(false), Is.Not.EqualTo(ParameterValue.NotSet));
            Assert.That(nan, Is.EqualTo(ParameterValue.Of(0.0 / 0.0)));
            Assert.That(oneTwo.Equals(null), Is.False);
        });
    }

    [Test]
    public void Arrays_AreCopiedInAndOut()
    {
        long[] source = [1, 2, 3];
        ParameterValue value = ParameterValue.Of(source);
        source[0] = 99;
        long[] copy = value.As<long[]>();
        copy[1] = 99;
        Assert.That(value, Is.EqualTo(ParameterValue.Of(new long[] { 1, 2, 3 })));
    }

    [Test]
    public void From_MapsCSharpTypes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ParameterValue.From(3), Is.EqualTo(ParameterValue.Of(3L)));
            Assert.That(ParameterValue.From(3L), Is.EqualTo(ParameterValue.Of(3L)));
            Assert.That(ParameterValue.From(0.5f), Is.EqualTo(ParameterValue.Of(0.5)));
            Assert.That(ParameterValue.From(new[] { 1, 2 }), Is.EqualTo(ParameterValue.Of(new long[] { 1, 2 })));
            Assert.That(ParameterValue.From(new byte[] { 7 }).Type, Is.EqualTo(ParameterType.ByteArray));
            Assert.That(ParameterValue.From(ParameterValue.Of("x")), Is.EqualTo(ParameterValue.Of("x")));
        });
    }

    [Test]
    public void From_UnsupportedType_IsRejected()
    {
        var e = Assert.Throws<InvalidParameterTypeException>(() => ParameterValue.From(1.5m))!;
        Assert.That(e.Message, Does.StartWith("Decimal is not a parameter type"));
    }

    [Test]
    public void As_ConvertsToMatchingCSharpTypes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ParameterValue.Of(5L).As<int>(), Is.EqualTo(5));
            Assert.That(ParameterValue.Of(5L).As<long>(), Is.EqualTo(5L));
            Assert.That(ParameterValue.Of(0.5).As<float>(), Is.EqualTo(0.5f));
            Assert.That(ParameterValue.Of(new long[] { 1, 2 }).As<int[]>(), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(ParameterValue.Of(new[] { "a" }).As<string[]>(), Is.EqualTo(new[] { "a" }));
        });
    }

    [Test]
    public void As_OtherType_IsRejected()
    {
        Assert.Multiple(() =>
        {
            var e = Assert.Throws<InvalidParameterTypeException>(() => ParameterValue.Of(5L).As<string>())!;
            Assert.That(e.Message, Is.EqualTo("the value 5 is of type integer, not String"));
            Assert.Throws<InvalidParameterTypeException>(() => ParameterValue.Of(5L).As<double>(), "no silent integer to double");
            Assert.Throws<InvalidParameterTypeException>(() => ParameterValue.Of(long.MaxValue).As<int>(), "out of int's range");
            Assert.Throws<InvalidParameterTypeException>(() => ParameterValue.Of(new[] { long.MinValue }).As<int[]>());
            Assert.Throws<InvalidParameterTypeException>(() => ParameterValue.NotSet.As<bool>());
        });
    }

    // ---- ranges ----------------------------------------------------------------------------------

    [Test]
    public void Range_ToString()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new IntegerRange(0, 10).ToString(), Is.EqualTo("[0, 10]"));
            Assert.That(new FloatingPointRange(-1.5, 2.5, 0.5).ToString(), Is.EqualTo("[-1.5, 2.5] in steps of 0.5"));
        });
    }

    [Test]
    public void IntegerRange_FromOffTheStepGrid_CountsStepsFromFrom()
    {
        var range = new IntegerRange(1, 20, 4);
        Assert.Multiple(() =>
        {
            Assert.That(new long[] { 1, 5, 9, 13, 17, 20 }.Select(v => range.Allows(v)), Has.All.True);
            Assert.That(new long[] { 0, 4, 8, 19, 21 }.Select(v => range.Allows(v)), Has.All.False);
        });
    }

    /// <summary>
    /// rcl_interfaces/IntegerRange holds int64 bounds and rclcpp compares int64 values exactly; values past
    /// 2^53 must not be rounded to a neighbouring double (2^53 + 1 is odd and above 2^53).
    /// </summary>
    [Test]
    public void IntegerRange_LargeValues_AreComparedExactly()
    {
        const long TwoTo53 = 1L << 53;
        Assert.Multiple(() =>
        {
            Assert.That(new IntegerRange(0, TwoTo53).Allows(TwoTo53), Is.True);
            Assert.That(new IntegerRange(0, TwoTo53).Allows(TwoTo53 + 1), Is.False, "above `to`");
            Assert.That(new IntegerRange(0, 1L << 60, 2).Allows(TwoTo53 + 1), Is.False, "off the step grid");
        });

        var store = new ParameterStore("/n", new Dictionary<string, (ParameterValue, string)>(), allowUndeclared: false);
        store.Declare("id", ParameterValue.Of(0L), new ParameterDescriptor { IntegerRange = new IntegerRange(0, TwoTo53) });
        Assert.That(store.Set(new Parameter("id", ParameterValue.Of(TwoTo53 + 1))).Successful, Is.False);
    }
}
