using System.Globalization;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// Our own processes on one domain: the <c>pai</c> launcher at the repository root (built on first use),
/// <c>pai topic pub/echo</c>, graph listings across processes, a C peer's message echoed, a 30 Hz image
/// stream without loss, and a node shut down cleanly by SIGINT.
/// </summary>
[NonParallelizable]
public class PaiProcessTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    [OneTimeSetUp]
    public void BuildPai() => PaiLauncher.EnsureBuilt();

    private static ChildProcess Pai(uint domain, params string[] args) =>
        new(RepositoryRoot.Pai, args, TestNetwork.Environment(domain));

    [Test]
    public void PaiPub_ReachesPaiEcho()
    {
        uint domain = TestNetwork.NewDomain();
        string topic = TestNetwork.UniqueTopic("pubecho");
        using ChildProcess echo = Pai(domain, "topic", "echo", topic, "std_msgs/msg/String", "--once");
        Thread.Sleep(1500);
        using ChildProcess pub = Pai(domain, "topic", "pub", topic, "std_msgs/msg/String", "{data: 'hello: from pai'}", "--once");
        Assert.That(echo.WaitForExit(Long), Is.True, echo.Output);
        Assert.That(pub.WaitForExit(Long), Is.True, pub.Output);
        Assert.Multiple(() =>
        {
            Assert.That(echo.ExitCode, Is.Zero, echo.Output);
            Assert.That(echo.Lines, Is.EqualTo(new[] { "data: 'hello: from pai'", "---" }));
            Assert.That(pub.Output, Does.Contain("publishing #1: std_msgs.msg.String(data='hello: from pai')"));
        });
    }

    [Test]
    public void TopicListAndNodeList_ShowAnotherProcessesNode()
    {
        uint domain = TestNetwork.NewDomain();
        using ChildProcess talker = Pai(domain, "run", "talker", "--ros-args", "-r", "__node:=remote_talker", "-r", "__ns:=/lab", "-r", "chatter:=lab_chatter");
        Assert.That(talker.WaitForLine(l => l.Contains("Publishing: 'Hello World: 1'"), Long), Is.True, talker.Output);

        ExternalProcess.Result nodes = ExternalProcess.Run(RepositoryRoot.Pai, ["node", "list"], RepositoryRoot.Path, Long, TestNetwork.Environment(domain));
        ExternalProcess.Result topics = ExternalProcess.Run(RepositoryRoot.Pai, ["topic", "list", "-t"], RepositoryRoot.Path, Long, TestNetwork.Environment(domain));
        ExternalProcess.Result info = ExternalProcess.Run(RepositoryRoot.Pai, ["topic", "info", "/lab/lab_chatter", "-v"], RepositoryRoot.Path, Long, TestNetwork.Environment(domain));
        TestContext.Out.WriteLine(nodes.StandardOutput + topics.StandardOutput + info.StandardOutput);
        Assert.Multiple(() =>
        {
            Assert.That(nodes.StandardOutput.Split('\n'), Does.Contain("/lab/remote_talker"));
            Assert.That(nodes.StandardOutput, Does.Not.Contain("_pai_"), "pai's own node is hidden");
            Assert.That(topics.StandardOutput.Split('\n'), Does.Contain("/lab/lab_chatter [std_msgs/msg/String]"));
            Assert.That(info.StandardOutput, Does.Contain("Node name: remote_talker").And.Contain("Node namespace: /lab")
                .And.Contain("Topic type hash: RIHS01_df668c740482bbd48fb39d76a70dfd4bd59db1288021743503259e948f6b1a18"));
        });
    }

    [Test]
    public void PaiEcho_PrintsACyclonePeersJointState()
    {
        uint domain = TestNetwork.NewDomain();
        string topic = TestNetwork.UniqueTopic("c_joints");
        using var peer = new ChildProcess(CdrPeer.Instance.DdsPeer, ["pub", "sensor_msgs/msg/JointState", topic, "40"], TestNetwork.Environment(domain));
        Assert.That(peer.WaitForLine(l => l == "ready", Long), Is.True);
        using ChildProcess echo = Pai(domain, "topic", "echo", topic, "--once");
        Assert.That(echo.WaitForExit(Long), Is.True, echo.Output);
        TestContext.Out.WriteLine(echo.Output);
        Assert.That(echo.Output, Does.StartWith(
            "header:\n  stamp:\n    sec: 1700000000\n    nanosec: 123456789\n  frame_id: base_link\nname:\n- joint_1\n- joint_2\n- joint_3\n- joint_4\n- joint_5\n- joint_6\n- joint_7\nposition:\n- -0.5\n- -0.25\n- 0.0\n"));
        Assert.That(echo.Output, Does.EndWith("effort: []\n---"));
    }

    [Test]
    public void Images30HzForTenSeconds_ArriveWithoutLoss()
    {
        uint domain = TestNetwork.NewDomain();
        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "image_sink");
        var sequences = new List<uint>();
        node.CreateSubscription<Image>("/bench/data", m => sequences.Add(m.Header.Stamp.Nanosec), QosProfiles.Default,
            new SubscriptionOptions { ReuseMessage = true });
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);

        using ChildProcess publisher = Pai(domain, "bench", "worker", "pub", "--payload", "image", "--rate", "30", "--count", "300", "--duration", "30");
        // Done when all 300 arrived, or (on loss) a few seconds after the publisher finished.
        DateTime? finished = null;
        bool done = TestWait.Spin(executor, () =>
        {
            if (publisher.HasExited)
            {
                finished ??= DateTime.UtcNow;
            }

            return sequences.Count >= 300 || DateTime.UtcNow - finished > TimeSpan.FromSeconds(5);
        }, Long);
        Assert.That(publisher.WaitForExit(Long), Is.True, publisher.Output);
        TestContext.Out.WriteLine($"received {sequences.Count} of 300; publisher: {publisher.Output}");
        Assert.Multiple(() =>
        {
            Assert.That(done, Is.True);
            Assert.That(publisher.Output, Does.Contain("sent 300"));
            Assert.That(sequences, Is.EqualTo(Enumerable.Range(1, 300).Select(i => (uint)i)), "every image, in order");
        });
    }

    [Test]
    public void Sigint_ShutsANodeDownCleanly()
    {
        uint domain = TestNetwork.NewDomain();
        using ChildProcess talker = Pai(domain, "run", "talker", "--ros-args", "-r", "__node:=doomed_talker");
        Assert.That(talker.WaitForLine(l => l.Contains("Publishing"), Long), Is.True, talker.Output);
        using RosContext context = TestNetwork.Context(domain);
        Assert.That(TestWait.Until(() => context.Graph.GetNodeNames().Contains(("/", "doomed_talker")), Long), Is.True);

        talker.Signal(2);
        Assert.That(talker.WaitForExit(TimeSpan.FromSeconds(20)), Is.True, "exited after SIGINT");
        Assert.Multiple(() =>
        {
            Assert.That(talker.ExitCode, Is.Zero, talker.Output);
            Assert.That(TestWait.Until(() => !context.Graph.GetNodeNames().Contains(("/", "doomed_talker")), Long), Is.True,
                "the participant left the graph (its DDS entities were deleted)");
        });
    }

    [Test]
    public void PaiParamAndService_AgainstARunningTalker()
    {
        uint domain = TestNetwork.NewDomain();
        string file = Path.Combine(Path.GetTempPath(), $"talker-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "/**:\n  ros__parameters:\n    greeting: Hi from a params file\n");
        try
        {
            using ChildProcess talker = Pai(domain, "run", "talker", "--ros-args", "--params-file", file);
            Assert.That(talker.WaitForLine(l => l.Contains("Publishing: 'Hi from a params file: 1'"), Long), Is.True, talker.Output);

            string Run(params string[] args)
            {
                ExternalProcess.Result r = ExternalProcess.Run(RepositoryRoot.Pai, args, RepositoryRoot.Path, Long, TestNetwork.Environment(domain));
                TestContext.Out.WriteLine($"$ pai {string.Join(' ', args)}\n{r.StandardOutput}{r.StandardError}(exit {r.ExitCode})");
                return r.StandardOutput + r.StandardError + $"exit {r.ExitCode}";
            }

            string list = Run("param", "list", "/talker");
            string get = Run("param", "get", "/talker", "greeting");
            string set = Run("param", "set", "/talker", "greeting", "Changed live");
            string wrongType = Run("param", "set", "/talker", "greeting", "5");
            string dump = Run("param", "dump", "/talker");
            string services = Run("service", "list", "-t");
            string call = Run("service", "call", "/talker/reset", "std_srvs/srv/Trigger");
            string noNode = Run("param", "get", "/nobody", "x", "--timeout", "1");
            Assert.That(talker.WaitForLine(l => l.Contains("Publishing: 'Changed live: "), Long), Is.True, "the talker uses the new greeting");
            Assert.Multiple(() =>
            {
                Assert.That(list, Is.EqualTo("  greeting\n  use_sim_time\nexit 0"));
                Assert.That(get, Is.EqualTo("String value is: Hi from a params file\nexit 0"));
                Assert.That(set, Is.EqualTo("Set parameter successful\nexit 0"));
                Assert.That(wrongType, Is.EqualTo("Set parameter failed: Wrong parameter type, parameter {greeting} is of type {string}, setting it to {integer} is not allowed.\nexit 1"));
                Assert.That(dump, Is.EqualTo("/talker:\n  ros__parameters:\n    greeting: 'Changed live'\n    use_sim_time: false\nexit 0"));
                Assert.That(services.Split('\n'), Does.Contain("/talker/reset [std_srvs/srv/Trigger]").And.Contain("/talker/set_parameters [rcl_interfaces/srv/SetParameters]"));
                Assert.That(call, Does.Contain("requester: making request: std_srvs.srv.Trigger_Request()")
                    .And.Match(@"std_srvs\.srv\.Trigger_Response\(success=True, message='count reset from \d+'\)"));
                Assert.That(noNode, Does.Contain("Node '/nobody' does not answer parameter requests").And.EndWith("exit 1"));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
