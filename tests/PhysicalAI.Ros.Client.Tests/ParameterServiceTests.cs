using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Tests.Shared;
using Msg = PhysicalAI.Ros.Interfaces.RclInterfaces.Msg;

namespace PhysicalAI.Ros.Client.Tests;

/// <summary>A node's parameters as other nodes reach them: the six services, /parameter_events, and the command line.</summary>
public class ParameterServiceTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    [Test]
    public async Task ParameterClient_ReadsAndChangesAnotherNodesParameters()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var target = new Node(context, "target", new NodeOptions { Namespace = "/arm" });
        target.DeclareParameter("limits.max_velocity", 1.5, new ParameterDescriptor
        {
            Description = "rad/s",
            FloatingPointRange = new FloatingPointRange(0.0, 3.0, 0.5),
        });
        target.DeclareParameter("limits.max_effort", 40L);
        target.DeclareParameter("frame", "base_link", new ParameterDescriptor { ReadOnly = true });
        using var tool = new Node(context, "tool");
        using var remote = new ParameterClient(tool, "/arm/target");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(target);

        Assert.That(await TestWait.WhileSpinning(executor, remote.WaitForServicesAsync(Long)), Is.True);
        (IReadOnlyList<string> names, IReadOnlyList<string> prefixes) = await TestWait.WhileSpinning(executor, remote.ListAsync([], 0, Long));
        IReadOnlyList<ParameterValue> values = await TestWait.WhileSpinning(executor, remote.GetAsync(["limits.max_velocity", "frame"], Long));
        IReadOnlyList<ParameterType> types = await TestWait.WhileSpinning(executor, remote.GetTypesAsync(["limits.max_effort", "frame"], Long));
        IReadOnlyList<Msg.ParameterDescriptor> described = await TestWait.WhileSpinning(executor, remote.DescribeAsync(["limits.max_velocity"], Long));
        IReadOnlyList<SetParametersResult> set = await TestWait.WhileSpinning(executor, remote.SetAsync(
            [new Parameter("limits.max_velocity", ParameterValue.Of(2.5)), new Parameter("limits.max_effort", ParameterValue.Of(2.5)), new Parameter("frame", ParameterValue.Of("tool0"))],
            Long));
        SetParametersResult atomic = await TestWait.WhileSpinning(executor, remote.SetAtomicallyAsync(
            [new Parameter("limits.max_effort", ParameterValue.Of(10L)), new Parameter("limits.max_velocity", ParameterValue.Of(2.75))], Long));
        IReadOnlyList<ParameterValue> undeclared = await TestWait.WhileSpinning(executor, remote.GetAsync(["frame", "nope"], Long));

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EquivalentTo(new[] { "limits.max_velocity", "limits.max_effort", "frame", "use_sim_time" }));
            Assert.That(prefixes, Is.EqualTo(new[] { "limits" }));
            Assert.That(values, Is.EqualTo(new[] { ParameterValue.Of(1.5), ParameterValue.Of("base_link") }));
            Assert.That(types, Is.EqualTo(new[] { ParameterType.Integer, ParameterType.String }));
            Assert.That(described.Single().Description, Is.EqualTo("rad/s"));
            Assert.That(described.Single().Type, Is.EqualTo((byte)ParameterType.Double));
            Assert.That(described.Single().FloatingPointRange.Single().Step, Is.EqualTo(0.5));
            Assert.That(set.Select(r => r.Successful), Is.EqualTo(new[] { true, false, false }));
            Assert.That(set[1].Reason, Does.Contain("Wrong parameter type"));
            Assert.That(set[2].Reason, Does.Contain("read-only"));
            Assert.That(atomic.Successful, Is.False, "2.75 is not on the 0.5 grid");
            Assert.That(target.GetParameter<long>("limits.max_effort"), Is.EqualTo(40), "an atomic set that fails changes nothing");
            Assert.That(target.GetParameter<double>("limits.max_velocity"), Is.EqualTo(2.5));
            Assert.That(undeclared, Is.Empty, "rclcpp answers nothing when any name is undeclared");
        });
    }

    [Test]
    public async Task OnSetCallback_RefusesARemoteSet_WithItsReason()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var target = new Node(context, "guarded");
        target.DeclareParameter("mode", "idle");
        using IDisposable callback = target.AddOnSetParametersCallback(ps =>
            ps.Any(p => p.Name == "mode" && p.Value.Value is string s && s != "idle" && s != "run")
                ? SetParametersResult.Rejected("mode must be idle or run")
                : SetParametersResult.Ok);
        using var remote = new ParameterClient(target, "/guarded");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(target);
        Assert.That(await TestWait.WhileSpinning(executor, remote.WaitForServicesAsync(Long)), Is.True);

        IReadOnlyList<SetParametersResult> refused = await TestWait.WhileSpinning(executor, remote.SetAsync([new Parameter("mode", ParameterValue.Of("fly"))], Long));
        IReadOnlyList<SetParametersResult> taken = await TestWait.WhileSpinning(executor, remote.SetAsync([new Parameter("mode", ParameterValue.Of("run"))], Long));
        Assert.Multiple(() =>
        {
            Assert.That(refused.Single(), Is.EqualTo(SetParametersResult.Rejected("mode must be idle or run")));
            Assert.That(taken.Single().Successful, Is.True);
            Assert.That(target.GetParameter<string>("mode"), Is.EqualTo("run"));
        });
    }

    [Test]
    public async Task AllowUndeclaredParameters_LetsARemoteSetCreateAndDeleteThem()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var target = new Node(context, "open", new NodeOptions { AllowUndeclaredParameters = true });
        using var remote = new ParameterClient(target, "/open");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(target);
        Assert.That(await TestWait.WhileSpinning(executor, remote.WaitForServicesAsync(Long)), Is.True);

        IReadOnlyList<ParameterValue> before = await TestWait.WhileSpinning(executor, remote.GetAsync(["free"], Long));
        await TestWait.WhileSpinning(executor, remote.SetAsync([new Parameter("free", ParameterValue.Of(3L))], Long));
        IReadOnlyList<SetParametersResult> retyped = await TestWait.WhileSpinning(executor, remote.SetAsync([new Parameter("free", ParameterValue.Of("three"))], Long));
        string afterRetype = target.GetParameter<string>("free");
        await TestWait.WhileSpinning(executor, remote.SetAsync([new Parameter("free", ParameterValue.NotSet)], Long));
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(new[] { ParameterValue.NotSet }));
            Assert.That(retyped.Single().Successful, Is.True, "undeclared-then-set parameters are dynamically typed");
            Assert.That(afterRetype, Is.EqualTo("three"));
            Assert.That(target.Parameters.Has("free"), Is.False, "setting NOT_SET deletes it");
        });
    }

    [Test]
    public void ParameterEvents_AnnounceDeclareSetAndUndeclare()
    {
        uint domain = TestRos.NewDomainId();
        using RosContext context = TestRos.Context(domain);
        using var listener = new Node(context, "listener");
        var events = new List<Msg.ParameterEvent>();
        listener.CreateSubscription<Msg.ParameterEvent>("/parameter_events", e => events.Add(e), QosProfiles.ParameterEvents);
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(listener);

        using var target = new Node(context, "announcer");
        Assert.That(TestWait.Spin(executor, () => events.Any(e => e.Node == "/announcer"), Long), Is.True, "use_sim_time's declaration is announced");
        target.DeclareParameter("gain", 0.5, new ParameterDescriptor { DynamicTyping = true });
        target.SetParameter("gain", 0.75);
        target.Parameters.Undeclare("gain");
        Assert.That(TestWait.Spin(executor, () => events.Count(e => e.Node == "/announcer") >= 4, Long), Is.True);

        Msg.ParameterEvent[] mine = [.. events.Where(e => e.Node == "/announcer")];
        Assert.Multiple(() =>
        {
            Assert.That(mine[0].NewParameters.Single().Name, Is.EqualTo("use_sim_time"));
            Assert.That(mine[1].NewParameters.Single().Value.DoubleValue, Is.EqualTo(0.5));
            Assert.That(mine[2].ChangedParameters.Single().Value.DoubleValue, Is.EqualTo(0.75));
            Assert.That(mine[3].DeletedParameters.Single().Name, Is.EqualTo("gain"));
            Assert.That(mine.All(e => e.Stamp.Sec > 0), Is.True, "stamped with the node's clock");
        });
    }

    [Test]
    public void ParamsFileAndDashP_GiveInitialValues_NodeSpecificAfterWildcard()
    {
        string file = Path.Combine(Path.GetTempPath(), $"params-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, """
            /**:
              ros__parameters:
                rate: 10.0
                name: generic
            /arm/controller:
              ros__parameters:
                rate: 250.0
                joints: [shoulder, elbow]
            """);
        try
        {
            using RosContext context = TestRos.Context(TestRos.NewDomainId(), args: ["--ros-args", "--params-file", file, "-p", "name:=from_dash_p"]);
            using var controller = new Node(context, "controller", new NodeOptions { Namespace = "/arm" });
            using var other = new Node(context, "other");
            Assert.Multiple(() =>
            {
                Assert.That(controller.DeclareParameter("rate", 1.0), Is.EqualTo(250.0));
                Assert.That(controller.DeclareParameter("joints", Array.Empty<string>()), Is.EqualTo(new[] { "shoulder", "elbow" }));
                Assert.That(controller.DeclareParameter("name", "default"), Is.EqualTo("from_dash_p"));
                Assert.That(other.DeclareParameter("rate", 1.0), Is.EqualTo(10.0));
                Assert.That(other.DeclareParameter("unset", 7L), Is.EqualTo(7));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void ParamsFileOfTheWrongType_IsAClearErrorNamingFileLineAndKey()
    {
        string file = Path.Combine(Path.GetTempPath(), $"params-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "/**:\n  ros__parameters:\n    rate: fast\n");
        try
        {
            using RosContext context = TestRos.Context(TestRos.NewDomainId(), args: ["--ros-args", "--params-file", file]);
            using var node = new Node(context, "typed");
            var e = Assert.Throws<InvalidParameterTypeException>(() => node.DeclareParameter("rate", 1.0))!;
            Assert.That(e.Message, Does.Contain($"{file}:3").And.Contain("'rate'").And.Contain("double").And.Contain("string"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void MalformedParamsFile_FailsContextCreation_NamingTheFile()
    {
        string file = Path.Combine(Path.GetTempPath(), $"params-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "/**:\n  parameters:\n    rate: 1.0\n");
        try
        {
            var e = Assert.Throws<ParamsFileException>(() => TestRos.Context(TestRos.NewDomainId(), args: ["--ros-args", "--params-file", file]).Dispose())!;
            Assert.That(e.Message, Does.StartWith($"{file}:3: unknown key '**.parameters.rate'").And.Contain("ros__parameters"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void AutomaticallyDeclared_Overrides_AreReadableWithoutDeclaring()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId(), args: ["--ros-args", "-p", "speed:=0.3", "-p", "tags:=[a, b]"]);
        using var node = new Node(context, "auto", new NodeOptions { AutomaticallyDeclareParametersFromOverrides = true });
        Assert.Multiple(() =>
        {
            Assert.That(node.GetParameter<double>("speed"), Is.EqualTo(0.3));
            Assert.That(node.GetParameter<string[]>("tags"), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(node.SetParameter("speed", "fast").Successful, Is.True, "declared dynamically typed, as rclcpp declares overrides");
        });
    }

    [Test]
    public void ParameterServices_CanBeTurnedOff()
    {
        uint domain = TestRos.NewDomainId();
        using RosContext context = TestRos.Context(domain);
        using RosContext observer = TestRos.Context(domain);
        using var quiet = new Node(context, "quiet", new NodeOptions { StartParameterServices = false });
        using var chatty = new Node(context, "chatty");
        Assert.That(TestWait.Until(() => observer.Graph.GetServiceNamesAndTypes().Any(s => s.Service == "/chatty/list_parameters"), Long), Is.True);
        Assert.That(observer.Graph.GetServiceNamesAndTypes().Where(s => s.Service.StartsWith("/quiet/", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task ThrowingOnSetCallback_RefusesWithItsMessage_AndTheNodeKeepsAnswering()
    {
        var logs = new LogCapture();
        using RosContext context = TestRos.Context(TestRos.NewDomainId(), logs);
        using var target = new Node(context, "fragile");
        target.DeclareParameter("gain", 1.0);
        using IDisposable callback = target.AddOnSetParametersCallback(_ => throw new InvalidOperationException("controller not ready"));
        using var remote = new ParameterClient(target, "/fragile");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(target);
        Assert.That(await TestWait.WhileSpinning(executor, remote.WaitForServicesAsync(Long)), Is.True);

        IReadOnlyList<SetParametersResult> refused = await TestWait.WhileSpinning(executor, remote.SetAsync([new Parameter("gain", ParameterValue.Of(2.0))], Long));
        IReadOnlyList<ParameterValue> still = await TestWait.WhileSpinning(executor, remote.GetAsync(["gain"], Long));
        Assert.Multiple(() =>
        {
            Assert.That(refused.Single(), Is.EqualTo(SetParametersResult.Rejected("an on-set-parameters callback failed: controller not ready")));
            Assert.That(still, Is.EqualTo(new[] { ParameterValue.Of(1.0) }));
            Assert.That(logs.Lines, Has.Some.Contains("[ERROR]").And.Contains("on-set-parameters callback of node '/fragile' failed"));
        });
    }

    [Test]
    public void NaN_IsRefusedByAnyFloatingRange()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "limits");
        node.DeclareParameter("max_velocity", 1.0, new ParameterDescriptor { FloatingPointRange = new FloatingPointRange(0.0, 2.0) });
        node.DeclareParameter("free", 1.0);
        Assert.Multiple(() =>
        {
            Assert.That(node.SetParameter("max_velocity", double.NaN).Reason, Does.Contain("is NaN"));
            Assert.That(node.GetParameter<double>("max_velocity"), Is.EqualTo(1.0));
            Assert.That(node.SetParameter("free", double.NaN).Successful, Is.True, "without a range NaN is just a value");
        });
    }
}
