using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.Description;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// Our nodes and a peer we did not write — Cyclone DDS's C API with idlc-generated types, in another
/// process — exchange ROS messages on the wire both ways with identical values; the peer sees our topic
/// as <c>rt/NAME</c> with the ROS DDS type name; incompatible QoS and garbage on the wire are reported
/// and survived.
/// </summary>
[NonParallelizable]
public class CycloneWirePeerTests
{
    public static IEnumerable<string> WireTypes() => ["std_msgs/msg/String", "sensor_msgs/msg/JointState", "sensor_msgs/msg/Image"];

    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [TestCaseSource(nameof(WireTypes))]
    public void OurPublisher_CycloneSubscriberReceivesIdenticalValues(string rosType)
    {
        uint domain = TestNetwork.NewDomain();
        string topic = TestNetwork.UniqueTopic("to_c");
        using var peer = new ChildProcess(CdrPeer.Instance.DdsPeer, ["sub", rosType, topic, "3", "45"], TestNetwork.Environment(domain));
        Assert.That(peer.WaitForLine(l => l == "ready", Long), Is.True, peer.Output);

        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "interop_talker");
        RosMessageDescriptor type = CdrPeerSamples.Descriptor(rosType);
        GenericPublisher publisher = node.CreateGenericPublisher(topic, type);
        Assert.That(TestWait.Until(() => publisher.SubscriptionCount > 0, Long), Is.True, "the C subscriber matched");
        Thread.Sleep(300);
        for (int i = 0; i < 3; i++)
        {
            publisher.Publish(CdrPeerSamples.Create(rosType));
        }

        publisher.WaitForAllAcknowledged(TimeSpan.FromSeconds(20));
        Assert.That(peer.WaitForExit(Long), Is.True, peer.Output);
        string ddsType = type.DdsTypeName;
        Assert.Multiple(() =>
        {
            Assert.That(peer.ExitCode, Is.Zero, peer.Output);
            Assert.That(peer.Lines, Has.Exactly(3).StartsWith("sample ").And.Contains(" match"));
            Assert.That(peer.Lines, Does.Contain($"publication topic=rt{topic} type={ddsType}"));
        });
    }

    [TestCaseSource(nameof(WireTypes))]
    public void CyclonePublisher_OurSubscriberReceivesIdenticalValues(string rosType)
    {
        uint domain = TestNetwork.NewDomain();
        string topic = TestNetwork.UniqueTopic("from_c");
        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "interop_listener");
        RosMessageDescriptor type = CdrPeerSamples.Descriptor(rosType);
        var received = new List<object>();
        node.CreateGenericSubscription(topic, type, received.Add, QosProfiles.Default.KeepAll());
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);

        using var peer = new ChildProcess(CdrPeer.Instance.DdsPeer, ["pub", rosType, topic, "3"], TestNetwork.Environment(domain));
        bool all = TestWait.Spin(executor, () => received.Count >= 3, Long);
        Assert.That(all, Is.True, $"received {received.Count}; peer: {peer.Output}");
        object expected = CdrPeerSamples.Create(rosType);
        Assert.That(received, Is.All.EqualTo(expected));
        peer.WaitForExit(Long);
    }

    [Test]
    public void BestEffortCycloneWriter_ReliableSubscription_IsReportedWithBothPolicies()
    {
        uint domain = TestNetwork.NewDomain();
        string topic = TestNetwork.UniqueTopic("qos");
        var logs = new LogCapture();
        using RosContext context = TestNetwork.Context(domain, logs);
        using var node = new Node(context, "interop_qos");
        node.CreateSubscription<JointState>(topic, _ => { }, QosProfiles.Default);
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        using var peer = new ChildProcess(CdrPeer.Instance.DdsPeer, ["pub", "sensor_msgs/msg/JointState", topic, "1", "best_effort"], TestNetwork.Environment(domain));

        bool warned = TestWait.Spin(executor, () => logs.Lines.Any(l => l.Contains("offering incompatible QoS") && l.Contains("BEST_EFFORT")), Long);
        string line = logs.Lines.FirstOrDefault(l => l.Contains("offering incompatible QoS")) ?? string.Join("\n", logs.Lines);
        Assert.That(warned, Is.True, line);
        Assert.That(line, Does.Contain("[WARN]").And.Contain(topic).And.Contain("RELIABILITY")
            .And.Contain("Requested: reliability RELIABLE").And.Contain("offered by publisher").And.Contain("reliability BEST_EFFORT")
            .And.Contain("Eclipse Cyclone DDS"));
        TestContext.Out.WriteLine(line);
    }

    [Test]
    public void GarbageOnTheWire_IsDroppedWithRateLimitedWarnings_AndTheSubscriptionKeepsWorking()
    {
        uint domain = TestNetwork.NewDomain();
        string topic = TestNetwork.UniqueTopic("garbage");
        var logs = new LogCapture();
        using RosContext context = TestNetwork.Context(domain, logs);
        using var node = new Node(context, "interop_victim");
        var received = new List<JointState>();
        Subscription<JointState> subscription = node.CreateSubscription<JointState>(topic, received.Add, QosProfiles.Default.KeepAll());
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);

        const int Garbage = 50;
        using (var hostile = new ChildProcess(CdrPeer.Instance.GarbagePeer, [topic, Garbage.ToString(System.Globalization.CultureInfo.InvariantCulture), "7"], TestNetwork.Environment(domain)))
        {
            TestWait.Spin(executor, () => hostile.HasExited && subscription.MalformedCount + subscription.ReceivedCount >= Garbage, Long);
            Assert.That(hostile.ExitCode, Is.Zero, hostile.Output);
        }

        using (var honest = new ChildProcess(CdrPeer.Instance.DdsPeer, ["pub", "sensor_msgs/msg/JointState", topic, "2"], TestNetwork.Environment(domain)))
        {
            Assert.That(TestWait.Spin(executor, () => received.Count(m => m.Equals(CdrPeerSamples.Create("sensor_msgs/msg/JointState"))) >= 2, Long), Is.True, honest.Output);
        }

        string[] warnings = [.. logs.Lines.Where(l => l.Contains("Dropped a malformed"))];
        TestContext.Out.WriteLine($"malformed {subscription.MalformedCount}, accepted as valid {subscription.ReceivedCount - 2}; first warning: {warnings.FirstOrDefault()}");
        Assert.Multiple(() =>
        {
            Assert.That(subscription.MalformedCount, Is.GreaterThanOrEqualTo(Garbage * 9 / 10), "nearly every random sample is malformed CDR");
            Assert.That(warnings, Has.Length.InRange(1, 3), "warnings are rate limited, not one per sample");
            Assert.That(warnings[0], Does.Contain("[WARN]").And.Contain(topic).And.Contain("byte offset"));
        });
    }
}
