using PhysicalAI.Ros.Tests.Shared;
using PhysicalAI.Ros.Client.Graph;
using PhysicalAI.Ros.Dds;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Ros.Client.Tests;

/// <summary>Two contexts (two DDS participants) see each other's nodes, topics and endpoints as ROS tools would.</summary>
public class GraphTests
{
    [TestCase(RosDistro.Jazzy)]
    [TestCase(RosDistro.Humble)]
    public void NodesAndTopics_OfAnotherParticipantAreListed(RosDistro distro)
    {
        uint domain = TestRos.NewDomainId();
        using RosContext first = TestRos.Context(domain, distro: distro);
        using RosContext second = TestRos.Context(domain, distro: distro);
        using var talker = new Node(first, "talker", new NodeOptions { Namespace = "/demo" });
        using var listener = new Node(second, "listener");
        talker.CreatePublisher<RosString>("chatter");
        listener.CreateSubscription<JointState>("/joint_states", _ => { });

        Assert.That(TestWait.Until(
            () => second.Graph.GetNodeNames().Contains(("/demo", "talker")) && first.Graph.GetNodeNames().Contains(("/", "listener")),
            TimeSpan.FromSeconds(15)), Is.True, string.Join(", ", second.Graph.GetNodeNames()));

        Assert.That(TestWait.Until(
            () => second.Graph.GetTopicNamesAndTypes().Any(t => t.Topic == "/demo/chatter"),
            TimeSpan.FromSeconds(15)), Is.True);
        var topics = second.Graph.GetTopicNamesAndTypes().ToDictionary(t => t.Topic, t => t.Types);
        Assert.Multiple(() =>
        {
            Assert.That(topics["/demo/chatter"], Is.EqualTo(new[] { "std_msgs/msg/String" }));
            Assert.That(topics["/joint_states"], Is.EqualTo(new[] { "sensor_msgs/msg/JointState" }));
            Assert.That(topics.Keys, Has.None.StartsWith("/ros_discovery_info").And.None.Contains("DCPS"));
        });
    }

    [Test]
    public void EndpointInfo_NamesTheOwningNodeAndTheTypeHash()
    {
        uint domain = TestRos.NewDomainId();
        using RosContext first = TestRos.Context(domain);
        using RosContext second = TestRos.Context(domain);
        using var talker = new Node(first, "talker");
        Publisher<RosString> publisher = talker.CreatePublisher<RosString>("chatter");

        IReadOnlyList<TopicEndpointInfo> infos = [];
        Assert.That(TestWait.Until(
            () => (infos = second.Graph.GetPublishersInfo("/chatter")).Count == 1 && infos[0].NodeName == "talker",
            TimeSpan.FromSeconds(15)), Is.True);
        TopicEndpointInfo info = infos[0];
        Assert.Multiple(() =>
        {
            Assert.That(info.NodeNamespace, Is.EqualTo("/"));
            Assert.That(info.TopicType, Is.EqualTo("std_msgs/msg/String"));
            Assert.That(info.Gid, Is.EqualTo(publisher.Gid));
            Assert.That(info.TypeHash, Is.EqualTo("RIHS01_df668c740482bbd48fb39d76a70dfd4bd59db1288021743503259e948f6b1a18"));
            Assert.That(info.Kind, Is.EqualTo(EndpointKind.Publisher));
        });
    }

    [Test]
    public void DisposedNode_LeavesTheGraph()
    {
        uint domain = TestRos.NewDomainId();
        using RosContext first = TestRos.Context(domain);
        using RosContext second = TestRos.Context(domain);
        var node = new Node(first, "short_lived");
        Assert.That(TestWait.Until(() => second.Graph.GetNodeNames().Contains(("/", "short_lived")), TimeSpan.FromSeconds(15)), Is.True);
        node.Dispose();
        Assert.That(TestWait.Until(() => !second.Graph.GetNodeNames().Contains(("/", "short_lived")), TimeSpan.FromSeconds(15)), Is.True);
    }

    [Test]
    public void DiscoveryInfoCodec_WritesTheJazzyExampleByteForByte()
    {
        var participant = new DdsGid([.. Enumerable.Range(0xA0, 16).Select(b => (byte)b)]);
        var writer = new DdsGid([.. Enumerable.Range(0xB0, 16).Select(b => (byte)b)]);
        NodeEntitiesInfo[] nodes = [new NodeEntitiesInfo("/", "talker", [], [writer])];
        byte[] buffer = new byte[ParticipantEntitiesInfoCodec.Measure(RosDistro.Jazzy, nodes) + 4];
        int length = ParticipantEntitiesInfoCodec.Write(buffer, RosDistro.Jazzy, participant, nodes);
        string expected = "00010000" + "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf" + "01000000" + "02000000" + "2f000000"
            + "07000000" + "74616c6b657200" + "00" + "00000000" + "01000000" + "b0b1b2b3b4b5b6b7b8b9babbbcbdbebf";
        Assert.Multiple(() =>
        {
            Assert.That(Convert.ToHexString(buffer, 0, length).ToLowerInvariant(), Is.EqualTo(expected));
            var (gid, read) = ParticipantEntitiesInfoCodec.Read(buffer.AsSpan(0, length), RosDistro.Jazzy);
            Assert.That(gid, Is.EqualTo(participant));
            Assert.That(read.Single().Writers.Single(), Is.EqualTo(writer));
        });
    }

    [Test]
    public void DiscoveryInfoCodec_HumbleGidsArePaddedTo24()
    {
        var participant = new DdsGid([.. Enumerable.Range(1, 16).Select(b => (byte)b)]);
        NodeEntitiesInfo[] nodes = [new NodeEntitiesInfo("/", "n", [participant], [])];
        byte[] buffer = new byte[ParticipantEntitiesInfoCodec.Measure(RosDistro.Humble, nodes) + 4];
        int length = ParticipantEntitiesInfoCodec.Write(buffer, RosDistro.Humble, participant, nodes);
        Assert.Multiple(() =>
        {
            Assert.That(buffer.AsSpan(4 + 16, 8).ToArray(), Is.All.Zero, "8 bytes of padding after the 16-byte GUID");
            Assert.That(ParticipantEntitiesInfoCodec.Read(buffer.AsSpan(0, length), RosDistro.Humble).Nodes.Single().Readers.Single(), Is.EqualTo(participant));
        });
    }
}
