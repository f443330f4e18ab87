using PhysicalAI.Ros.Tests.Shared;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Ros.Client.Tests;

public class PubSubTests
{
    [Test]
    public void Publish_ReachesSubscriptionThroughTheExecutor()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var talker = new Node(context, "talker");
        using var listener = new Node(context, "listener");
        var received = new List<string>();
        listener.CreateSubscription<RosString>("chatter", m => received.Add(m.Data));
        Publisher<RosString> publisher = talker.CreatePublisher<RosString>("chatter");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(listener);
        Assert.That(TestWait.Spin(executor, () => publisher.SubscriptionCount > 0, TimeSpan.FromSeconds(10)), Is.True);

        for (int i = 0; i < 5; i++)
        {
            publisher.Publish(new RosString { Data = $"hello {i}" });
        }

        Assert.That(TestWait.Spin(executor, () => received.Count == 5, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(received, Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"hello {i}")));
    }

    [Test]
    public void Topic_IsPrefixedAndExpandedInTheNamespace()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "arm", new NodeOptions { Namespace = "/robot" });
        Publisher<JointState> publisher = node.CreatePublisher<JointState>("joint_states");
        Publisher<JointState> privatePublisher = node.CreatePublisher<JointState>("~/state");
        Assert.Multiple(() =>
        {
            Assert.That(publisher.TopicName, Is.EqualTo("/robot/joint_states"));
            Assert.That(publisher.Writer.TopicName, Is.EqualTo("rt/robot/joint_states"));
            Assert.That(publisher.Writer.TypeName, Is.EqualTo("sensor_msgs::msg::dds_::JointState_"));
            Assert.That(privatePublisher.TopicName, Is.EqualTo("/robot/arm/state"));
        });
    }

    [Test]
    public void ReusedMessage_KeepsArraysAcrossMessages()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "node");
        var instances = new HashSet<JointState>(ReferenceEqualityComparer.Instance);
        int count = 0;
        node.CreateSubscription<JointState>("joints", m =>
        {
            instances.Add(m);
            count++;
        }, options: new SubscriptionOptions { ReuseMessage = true });
        Publisher<JointState> publisher = node.CreatePublisher<JointState>("joints");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        Assert.That(TestWait.Spin(executor, () => publisher.SubscriptionCount > 0, TimeSpan.FromSeconds(10)), Is.True);
        for (int i = 0; i < 3; i++)
        {
            publisher.Publish(new JointState { Name = ["a", "b"], Position = [i, i] });
        }

        Assert.That(TestWait.Spin(executor, () => count == 3, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(instances, Has.Count.EqualTo(1));
    }

    [Test]
    public void SteadyState_PublishAndReceiveIntoAReusedMessage_AllocateNothing()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "node");
        long received = 0;
        node.CreateSubscription<JointState>("zero_alloc", _ => received++, options: new SubscriptionOptions { ReuseMessage = true });
        Publisher<JointState> publisher = node.CreatePublisher<JointState>("zero_alloc");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        Assert.That(TestWait.Spin(executor, () => publisher.SubscriptionCount > 0, TimeSpan.FromSeconds(10)), Is.True);
        var message = new JointState { Name = [.. Enumerable.Range(1, 7).Select(i => $"joint_{i}")], Position = new double[7], Velocity = new double[7], Effort = new double[7] };

        void RoundTrips(int count)
        {
            for (int i = 0; i < count; i++)
            {
                long before = received;
                publisher.Publish(message);
                while (received == before)
                {
                    executor.SpinOnce(TimeSpan.FromSeconds(5));
                }
            }
        }

        // Warm-up: JIT tiers, first-use statics, the reused message's arrays.
        RoundTrips(300);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        RoundTrips(1000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.That(allocated, Is.Zero, $"{allocated} bytes over 1000 publish+receive round trips");
    }

    [Test]
    public void HumbleMode_AnnouncesNoTypeHash()
    {
        uint domain = TestRos.NewDomainId();
        using RosContext context = TestRos.Context(domain, distro: RosDistro.Humble);
        using var node = new Node(context, "humble_node");
        node.CreatePublisher<RosString>("humble_chatter");
        IReadOnlyList<Graph.TopicEndpointInfo> infos = [];
        Assert.That(TestWait.Until(() => (infos = context.Graph.GetPublishersInfo("/humble_chatter")).Count == 1, TimeSpan.FromSeconds(10)), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(infos[0].TypeHash, Is.Empty);
            Assert.That(infos[0].NodeName, Is.EqualTo("humble_node"));
        });
    }

    [Test]
    public void MalformedSample_IsDroppedWithAWarningAndTheSubscriptionKeepsWorking()
    {
        var logs = new LogCapture();
        using RosContext context = TestRos.Context(TestRos.NewDomainId(), logs);
        using var node = new Node(context, "node");
        var received = new List<string>();
        Subscription<RosString> subscription = node.CreateSubscription<RosString>("garbage", m => received.Add(m.Data));
        Publisher<RosString> publisher = node.CreatePublisher<RosString>("garbage");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        Assert.That(TestWait.Spin(executor, () => publisher.SubscriptionCount > 0, TimeSpan.FromSeconds(10)), Is.True);

        // A length field far larger than the payload.
        publisher.PublishSerialized(Convert.FromHexString("00010000ffffff7f6869"));
        publisher.Publish(new RosString { Data = "after" });
        Assert.That(TestWait.Spin(executor, () => received.Count == 1, TimeSpan.FromSeconds(10)), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(received, Is.EqualTo(new[] { "after" }));
            Assert.That(subscription.MalformedCount, Is.EqualTo(1));
            Assert.That(logs.Lines, Has.Some.Contains("[WARN]").And.Contains("/garbage").And.Contains("byte offset 4"));
        });
    }

    [Test]
    public void BestEffortPublisherAndReliableSubscription_AreReportedAsIncompatible()
    {
        var logs = new LogCapture();
        using RosContext context = TestRos.Context(TestRos.NewDomainId(), logs);
        using var node = new Node(context, "node");
        node.CreateSubscription<RosString>("qos_check", _ => { }, QosProfiles.Default);
        node.CreatePublisher<RosString>("qos_check", QosProfiles.SensorData);
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        bool warned = TestWait.Spin(
            executor,
            () => logs.Lines.Any(l => l.Contains("offering incompatible QoS")) && logs.Lines.Any(l => l.Contains("requesting incompatible QoS")),
            TimeSpan.FromSeconds(10));
        Assert.That(warned, Is.True, string.Join("\n", logs.Lines));
        string line = logs.Lines.First(l => l.Contains("offering incompatible QoS"));
        Assert.That(line, Does.Contain("RELIABILITY").And.Contain("Requested: reliability RELIABLE").And.Contain("reliability BEST_EFFORT"));
    }

    [Test]
    public void Timer_FiresPeriodicallyUntilCanceled()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "node");
        int ticks = 0;
        WallTimer? timer = null;
        timer = node.CreateWallTimer(TimeSpan.FromMilliseconds(20), () =>
        {
            if (++ticks == 3)
            {
                timer!.Cancel();
            }
        });
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        Assert.That(TestWait.Spin(executor, () => ticks >= 3, TimeSpan.FromSeconds(10)), Is.True);
        executor.SpinOnce(TimeSpan.FromMilliseconds(100));
        Assert.That(ticks, Is.EqualTo(3));
    }

    [Test]
    public void Shutdown_EndsSpinFromAnotherThread()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "node");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        var spin = Task.Run(() => executor.Spin());
        Thread.Sleep(100);
        context.Shutdown("test");
        Assert.That(spin.Wait(TimeSpan.FromSeconds(10)), Is.True, "Spin returned after shutdown");
    }

    [Test]
    public void ASubscriptionDisposedFromItsOwnCallback_StopsCleanly()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "one_shot");
        Publisher<RosString> publisher = node.CreatePublisher<RosString>("/one_shot", QosProfiles.Default.KeepAll());
        int received = 0;
        Subscription<RosString>? subscription = null;
        subscription = node.CreateSubscription<RosString>("/one_shot", _ =>
        {
            received++;
            subscription!.Dispose();
        }, QosProfiles.Default.KeepAll());
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        Assert.That(TestWait.Until(() => publisher.SubscriptionCount > 0, TimeSpan.FromSeconds(20)), Is.True);

        // Several samples in one batch: the callback disposes the reader while its batch is being read.
        for (int i = 0; i < 10; i++)
        {
            publisher.Publish(new RosString { Data = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        Assert.That(TestWait.Spin(executor, () => received > 0, TimeSpan.FromSeconds(20)), Is.True);
        executor.SpinSome();
        publisher.Publish(new RosString { Data = "after" });
        executor.SpinOnce(TimeSpan.FromMilliseconds(200));
        Assert.That(received, Is.GreaterThanOrEqualTo(1).And.LessThanOrEqualTo(10), "what was already taken may still be delivered; nothing after");
        Assert.That(node.Endpoints().OfType<Subscription<RosString>>(), Is.Empty);
    }
}
