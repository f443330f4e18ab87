using System.Globalization;
using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Client.Services;
using PhysicalAI.Ros.Interfaces.StdSrvs.Srv;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// Services, parameters and logging against a peer we did not write: Cyclone DDS's C API with
/// idlc-generated rcl_interfaces and std_srvs types, speaking rmw_cyclonedds_cpp's request/reply
/// protocol (request header in band), in another process.
/// </summary>
[NonParallelizable]
public class CycloneServicePeerTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    private static readonly (string Name, ParameterValue Value)[] Declared =
    [
        ("b", ParameterValue.Of(true)),
        ("i", ParameterValue.Of(42L)),
        ("d", ParameterValue.Of(0.25)),
        ("s", ParameterValue.Of("h\u00e9llo")),
        ("ba", ParameterValue.Of(new byte[] { 1, 2, 255 })),
        ("bb", ParameterValue.Of(new[] { true, false })),
        ("ia", ParameterValue.Of(new[] { 1L, -2L, 3L })),
        ("da", ParameterValue.Of(new[] { 0.1, -1e-300 })),
        ("sa", ParameterValue.Of(new[] { "x", "y z" })),
    ];

    // What the peer sets (service_peer.c, fill_new_values).
    private static readonly (string Name, ParameterValue Value)[] SetByPeer =
    [
        ("b", ParameterValue.Of(false)),
        ("i", ParameterValue.Of(-1234567890123L)),
        ("d", ParameterValue.Of(1.0 / 3.0)),
        ("s", ParameterValue.Of("gr\u00fc\u00dfe \u2713")),
        ("ba", ParameterValue.Of(new byte[] { 0, 127, 128, 255 })),
        ("bb", ParameterValue.Of(new[] { true, false, true })),
        ("ia", ParameterValue.Of(new[] { long.MinValue, 0L, long.MaxValue })),
        ("da", ParameterValue.Of(new[] { -0.0, 1e308, double.Epsilon })),
        ("sa", ParameterValue.Of(new[] { string.Empty, "a b", "\u00fc" })),
    ];

    [Test]
    public void CyclonePeer_DrivesOurParameterServices_AndValuesRoundTripExactly()
    {
        uint domain = TestNetwork.NewDomain();
        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "param_target", new NodeOptions { Namespace = "/peer" });
        foreach ((string name, ParameterValue value) in Declared)
        {
            node.Parameters.Declare(name, value);
        }

        node.DeclareParameter("limited", 4L, new ParameterDescriptor { Description = "even, 0 to 10", IntegerRange = new IntegerRange(0, 10, 2) });
        node.DeclareParameter("ro", 1L, new ParameterDescriptor { ReadOnly = true });
        using var spinning = new BackgroundSpin(context, node);

        using var peer = new ChildProcess(CdrPeer.Instance.ServicePeer, ["params", "/peer/param_target"], TestNetwork.Environment(domain));
        Assert.That(peer.WaitForExit(Long), Is.True, peer.Output);
        IReadOnlyList<string> lines = peer.Lines;
        string Line(string prefix) => lines.SingleOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) ?? $"(no line '{prefix}...' in:\n{peer.Output})";

        Assert.Multiple(() =>
        {
            Assert.That(peer.ExitCode, Is.Zero, peer.Output);
            Assert.That(Line("list ")["list ".Length..].Split(','), Is.EquivalentTo(Declared.Select(d => d.Name).Concat(["limited", "ro", "use_sim_time"])));
            foreach ((string name, ParameterValue value) in Declared)
            {
                Assert.That(Line($"get {name} "), Is.EqualTo($"get {name} {PeerText(value)}"), "our value as the C peer decoded it");
            }

            Assert.That(Line("types "), Is.EqualTo("types 1,2,3,4,5,6,7,8,9"));
            foreach ((string name, _) in SetByPeer)
            {
                Assert.That(lines, Has.One.StartWith($"set {name} ok"), "the value of every type was taken");
            }

            Assert.That(Line("set limited "), Does.StartWith("set limited fail ").And.Contain("integer range"));
            Assert.That(Line("set ro "), Does.StartWith("set ro fail ").And.Contain("read-only"));
            Assert.That(Line("set undeclared "), Does.StartWith("set undeclared fail ").And.Contain("not declared"));
            Assert.That(Line("set s fail"), Does.Contain("Wrong parameter type"));
            Assert.That(Line("atomic "), Does.StartWith("atomic fail ").And.Contain("limited"));
            foreach ((string name, ParameterValue value) in SetByPeer)
            {
                Assert.That(node.Parameters.Get(name), Is.EqualTo(value), $"{name} as the C peer set it");
                Assert.That(Line($"after {name} "), Is.EqualTo($"after {name} {PeerText(value)}"));
            }

            Assert.That(BitConverter.DoubleToInt64Bits(node.GetParameter<double[]>("da")[0]), Is.EqualTo(BitConverter.DoubleToInt64Bits(-0.0)), "negative zero kept its sign");
            Assert.That(Line("describe limited "), Is.EqualTo("describe limited type=2 read_only=0 description=even, 0 to 10 range=0..10/2"));
            Assert.That(Line("describe ro "), Is.EqualTo("describe ro type=2 read_only=1 description="));
            Assert.That(Line("missing "), Is.EqualTo("missing values=0"), "rclcpp answers nothing when a name is undeclared");
        });
    }

    [Test]
    public void CyclonePeer_CallsOurTriggerService_WithTheRmwRequestHeader()
    {
        uint domain = TestNetwork.NewDomain();
        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "resettable");
        int resets = 0;
        node.CreateService<Trigger.Request, Trigger.Response>("~/reset", _ => new Trigger.Response { Success = true, Message = $"reset #{++resets} \u2713" });
        using var spinning = new BackgroundSpin(context, node);

        using var peer = new ChildProcess(CdrPeer.Instance.ServicePeer, ["trigger", "/resettable/reset"], TestNetwork.Environment(domain));
        Assert.That(peer.WaitForExit(Long), Is.True, peer.Output);
        Assert.Multiple(() =>
        {
            Assert.That(peer.ExitCode, Is.Zero, peer.Output);
            Assert.That(peer.Lines.Where(l => l.StartsWith("reply ", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "reply seq=1 success=1 message=reset #1 \u2713",
                "reply seq=2 success=1 message=reset #2 \u2713",
            }));
            Assert.That(peer.Lines, Has.None.StartsWith("ignored reply"), "every reply carried the peer's own request header");
        });
    }

    [Test]
    public async Task OurClient_CallsACycloneService_AndGetsItsExactReplies()
    {
        uint domain = TestNetwork.NewDomain();
        string service = TestNetwork.UniqueTopic("set_flag");
        using var peer = new ChildProcess(CdrPeer.Instance.ServicePeer, ["serve", service, "2", "80"], TestNetwork.Environment(domain));
        Assert.That(peer.WaitForLine(l => l == "ready", Long), Is.True, peer.Output);

        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "flag_client");
        ServiceClient<SetBool.Request, SetBool.Response> client = node.CreateClient<SetBool.Request, SetBool.Response>(service);
        Assert.That(await client.WaitForServiceAsync(Long), Is.True, peer.Output);
        SetBool.Response on = await client.CallAsync(new SetBool.Request { Data = true }, Long);
        SetBool.Response off = await client.CallAsync(new SetBool.Request { Data = false }, Long);

        Assert.That(peer.WaitForExit(Long), Is.True, peer.Output);
        Assert.Multiple(() =>
        {
            Assert.That((on.Success, on.Message), Is.EqualTo((true, "peer saw true \u2713")));
            Assert.That((off.Success, off.Message), Is.EqualTo((false, "peer saw false \u2713")));
            Assert.That(peer.ExitCode, Is.Zero, peer.Output);
            Assert.That(peer.Lines.Where(l => l.StartsWith("request ", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(" data=", StringComparison.Ordinal) + 1)..]),
                Is.EqualTo(new[] { "data=true", "data=false" }));
        });
    }

    [Test]
    public void RosoutAndParameterEvents_ReachASeparateCyclonePeer()
    {
        uint domain = TestNetwork.NewDomain();
        using var peer = new ChildProcess(CdrPeer.Instance.ServicePeer, ["listen", "/telemetry/events_node", "80"], TestNetwork.Environment(domain));
        Assert.That(peer.WaitForLine(l => l == "ready", Long), Is.True, peer.Output);

        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "events_node", new NodeOptions { Namespace = "/telemetry" });
        node.Logger.LogInformation("hello rosout \u2713");

        // /parameter_events is volatile: only events after the peer's reader matched reach it. Re-setting
        // use_sim_time (an event each time, as in rclcpp) shows when that is.
        string probe = "event node=/telemetry/events_node new=[] changed=[use_sim_time=1:false] deleted=[]";
        DateTime deadline = DateTime.UtcNow + Long;
        while (!peer.Lines.Contains(probe) && DateTime.UtcNow < deadline)
        {
            node.SetParameter("use_sim_time", false);
            peer.WaitForLine(l => l == probe, TimeSpan.FromMilliseconds(250));
        }

        node.DeclareParameter("gain", 1.5, new ParameterDescriptor { DynamicTyping = true });
        node.SetParameter("gain", 2.5);
        node.Parameters.Undeclare("gain");
        string Bits(double d) => "3:" + BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture);
        string[] expected =
        [
            $"event node=/telemetry/events_node new=[gain={Bits(1.5)}] changed=[] deleted=[]",
            $"event node=/telemetry/events_node new=[] changed=[gain={Bits(2.5)}] deleted=[]",
            $"event node=/telemetry/events_node new=[] changed=[] deleted=[gain={Bits(2.5)}]",
        ];
        Assert.That(peer.WaitForLine(l => l == expected[^1], Long), Is.True, peer.Output);
        Assert.That(peer.WaitForLine(l => l.StartsWith("rosout ", StringComparison.Ordinal), Long), Is.True, peer.Output);
        Assert.Multiple(() =>
        {
            Assert.That(peer.Lines.Where(l => l.Contains("gain=", StringComparison.Ordinal)), Is.EqualTo(expected), "in order, once each");
            Assert.That(peer.Lines, Does.Contain("rosout level=20 name=telemetry.events_node msg=hello rosout \u2713 stamp=1"));
        });
    }

    /// <summary>A value as service_peer prints it: TYPE:TEXT, doubles as the hex of their bits.</summary>
    private static string PeerText(ParameterValue value)
    {
        static string D(double d) => BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture);
        static string B(bool b) => b ? "true" : "false";
        string text = value.Value switch
        {
            bool b => B(b),
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => D(d),
            string s => s,
            byte[] a => string.Join(',', a.Select(x => x.ToString("x2", CultureInfo.InvariantCulture))),
            bool[] a => string.Join(',', a.Select(B)),
            long[] a => string.Join(',', a.Select(x => x.ToString(CultureInfo.InvariantCulture))),
            double[] a => string.Join(',', a.Select(D)),
            string[] a => string.Join('|', a),
            _ => string.Empty,
        };
        return $"{(int)value.Type}:{text}";
    }

    /// <summary>Spins an executor for the node on a thread of its own, as a running node would.</summary>
    private sealed class BackgroundSpin : IDisposable
    {
        private readonly SingleThreadedExecutor _executor;
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _thread;

        public BackgroundSpin(RosContext context, Node node)
        {
            _executor = new SingleThreadedExecutor(context);
            _executor.AddNode(node);
            _thread = new Thread(() => _executor.Spin(_stop.Token)) { IsBackground = true, Name = "test executor" };
            _thread.Start();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _thread.Join();
            _executor.Dispose();
            _stop.Dispose();
        }
    }
}
