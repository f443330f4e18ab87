using System.Diagnostics;
using PhysicalAI.Onnx;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.DiagnosticMsgs.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.TrajectoryMsgs.Msg;
using PhysicalAI.Ros.Tests.Shared;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// <c>policy_node</c> in its own process, on a generated ONNX policy whose chunk shows what it saw
/// (joint state + 0.01 · Σ token ids + image brightness, every row): this process publishes the camera, the
/// joint states and the instruction, and watches <c>~/command</c> and /diagnostics.
/// </summary>
[NonParallelizable]
public class PolicyNodeProcessTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    // 40 steps at 20 Hz: a queue that is not flushed keeps commanding the old chunk for ≥ 1.75 s.
    private const double Rate = 20, CameraMaxAge = 0.3;

    private const string Card = """
        name: echo_policy
        graphs: {model: echo.onnx}
        control_rate: 20
        images:
          - {input: image, topic: /test_camera/image_raw, width: 8, height: 6, max_age: 0.3}
        state: {input: state, joints: [joint_1, joint_2], max_age: 0.5}
        language: {tokenizer: word_vocab, file: echo.vocab.txt, max_tokens: 6, pad_id: 0, eos_id: 1, ids_input: ids, mask_input: mask}
        actions: {output: action, horizon: 40, dims: 2, meaning: absolute, joints: [joint_1, joint_2], refill_threshold: 5, steps_per_inference: 40}
        """;

    private string _folder = string.Empty;

    [OneTimeSetUp]
    public void WritePolicy()
    {
        PaiLauncher.EnsureBuilt();
        _folder = Directory.CreateTempSubdirectory("policy_node").FullName;
        File.WriteAllText(Path.Combine(_folder, "echo.yaml"), Card);
        File.WriteAllLines(Path.Combine(_folder, "echo.vocab.txt"), ["<pad>", "<eos>", "<unk>", "reach", "the", "red", "green", "cube"]);
        File.WriteAllBytes(Path.Combine(_folder, "echo.onnx"), new OnnxGraphBuilder("echo_policy")
            .Input("image", OnnxElementType.Float, 1, 3, 6, 8)
            .Input("state", OnnxElementType.Float, 1, 2)
            .Input("ids", OnnxElementType.Int64, 1, 6)
            .Input("mask", OnnxElementType.Int64, 1, 6)
            .Initializer("rows", [1, 40, 1], [.. Enumerable.Repeat(1f, 40)])
            .Initializer("hundredth", [1], [0.01f])
            .Node("Mul", ["ids", "mask"], ["kept"])
            .Node("ReduceSum", ["kept"], ["idsum"], ("keepdims", 0L))
            .Node("Cast", ["idsum"], ["idsumf"], ("to", 1L))
            .Node("Mul", ["idsumf", "hundredth"], ["language"])
            .Node("ReduceMean", ["image"], ["brightness"], ("keepdims", 0L))
            .Node("Add", ["state", "language"], ["s1"])
            .Node("Add", ["s1", "brightness"], ["row"])
            .Node("Mul", ["rows", "row"], ["action"])
            .Output("action", OnnxElementType.Float, 1, 40, 2)
            .ToModel());
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    /// <summary>policy_node, and this process as camera, robot and operator.</summary>
    private sealed class Rig : IDisposable
    {
        private readonly Image _frame = new() { Width = 8, Height = 6, Step = 24, Encoding = "rgb8", Data = new byte[8 * 6 * 3] };
        private readonly JointState _state = new() { Name = ["joint_1", "joint_2", "gripper"], Position = [0.25, -0.5, 0.01] };

        public Rig(string folder, params string[] args)
        {
            Domain = TestNetwork.NewDomain();
            Policy = new ChildProcess(RepositoryRoot.Pai, ["run", "policy_node", "--ros-args", "-p", $"policy_card:={Path.Combine(folder, "echo.yaml")}", .. args], TestNetwork.Environment(Domain));
            Context = TestNetwork.Context(Domain);
            Node = new Node(Context, "policy_observer");
            Camera = Node.CreatePublisher<Image>("/test_camera/image_raw", QosProfiles.SensorData);
            Joints = Node.CreatePublisher<JointState>("/joint_states");
            Instruction = Node.CreatePublisher<RosString>("/instruction", QosProfiles.Default.KeepLast(1).TransientLocal());
            Node.CreateSubscription<DiagnosticArray>("/diagnostics", m => Diagnostics = m.Status.FirstOrDefault(s => s.Name.StartsWith("policy_node", StringComparison.Ordinal)) ?? Diagnostics);
            Node.CreateWallTimer(TimeSpan.FromSeconds(1 / 30.0), () =>
            {
                if (CameraOn)
                {
                    Node.Now().CopyTo(_frame.Header.Stamp);
                    Camera.Publish(_frame);
                    LastFrameAt = Clock.Elapsed.TotalSeconds;
                }
            });
            Node.CreateWallTimer(TimeSpan.FromSeconds(1 / 50.0), () =>
            {
                Node.Now().CopyTo(_state.Header.Stamp);
                Joints.Publish(_state);
            });
            Executor = new SingleThreadedExecutor(Context);
            Executor.AddNode(Node);
            Assert.That(Policy.WaitForLine(l => l.Contains("Policy 'echo_policy'"), Long), Is.True, Policy.Output);
        }

        public uint Domain { get; }

        public ChildProcess Policy { get; }

        public RosContext Context { get; }

        public Node Node { get; }

        public Publisher<Image> Camera { get; }

        public Publisher<JointState> Joints { get; }

        public Publisher<RosString> Instruction { get; }

        public SingleThreadedExecutor Executor { get; }

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public bool CameraOn { get; set; } = true;

        public double LastFrameAt { get; private set; }

        public DiagnosticStatus? Diagnostics { get; private set; }

        public string Value(string key) => Diagnostics?.Values.FirstOrDefault(v => v.Key == key)?.Value ?? string.Empty;

        public void Say(string instruction) => Instruction.Publish(new RosString { Data = instruction });

        public bool Spin(Func<bool> until, TimeSpan timeout) => TestWait.Spin(Executor, until, timeout);

        public void SpinFor(double seconds)
        {
            double end = Clock.Elapsed.TotalSeconds + seconds;
            Spin(() => Clock.Elapsed.TotalSeconds >= end, TimeSpan.FromSeconds(seconds + 30));
        }

        public void Dispose()
        {
            Executor.Dispose();
            Node.Dispose();
            Context.Dispose();
            Policy.Dispose();
        }
    }

    private static double Expected(double state, int tokenSum) => state + (0.01 * tokenSum);

    [Test]
    public void CommandsFlowAtTheControlRate_AndANewInstructionFlushesTheQueue()
    {
        using var rig = new Rig(_folder);
        var commands = new List<(double At, double Joint1, double Joint2)>();
        string[]? names = null;
        rig.Node.CreateSubscription<JointState>("/policy_node/command", m =>
        {
            names = m.Name;
            commands.Add((rig.Clock.Elapsed.TotalSeconds, m.Position[0], m.Position[1]));
        });

        // reach the red cube <eos> = 3 + 4 + 5 + 7 + 1 = 20.
        rig.Say("reach the red cube");
        Assert.That(rig.Spin(() => commands.Count >= 10, Long), Is.True, rig.Policy.Output);
        Assert.That(names, Is.EqualTo(new[] { "joint_1", "joint_2" }));
        Assert.That(commands[^1].Joint1, Is.EqualTo(Expected(0.25, 20)).Within(1e-5));
        Assert.That(commands[^1].Joint2, Is.EqualTo(Expected(-0.5, 20)).Within(1e-5));

        int before = commands.Count;
        double start = rig.Clock.Elapsed.TotalSeconds;
        rig.SpinFor(4);
        double rate = (commands.Count - before) / (rig.Clock.Elapsed.TotalSeconds - start);
        TestContext.Out.WriteLine($"~/command: {commands.Count - before} setpoints in {rig.Clock.Elapsed.TotalSeconds - start:0.00} s = {rate:0.00} Hz (card {Rate} Hz)");
        Assert.That(rate, Is.InRange(Rate * 0.8, Rate * 1.05));

        // reach the green cube <eos> = 3 + 4 + 6 + 7 + 1 = 21.
        double said = rig.Clock.Elapsed.TotalSeconds;
        int mark = commands.Count;
        rig.Say("reach the green cube");
        Assert.That(rig.Spin(() => commands.Skip(mark).Any(c => Math.Abs(c.Joint1 - Expected(0.25, 21)) < 1e-5), Long), Is.True, rig.Policy.Output);
        int first = commands.FindIndex(mark, c => Math.Abs(c.Joint1 - Expected(0.25, 21)) < 1e-5);
        double switched = commands[first].At - said;
        rig.SpinFor(1);
        TestContext.Out.WriteLine($"new instruction: first new command {switched:0.000} s after it was published (an unflushed queue: >= 1.75 s)");
        Assert.Multiple(() =>
        {
            Assert.That(switched, Is.LessThan(1.0), "the queued chunk of the old instruction was flushed");
            Assert.That(commands.Skip(first).All(c => Math.Abs(c.Joint1 - Expected(0.25, 21)) < 1e-5), Is.True, "nothing of the old instruction after the switch");
        });

        Assert.That(rig.Spin(() => rig.Value("instruction") == "reach the green cube" && rig.Value("state") == "commanding", Long), Is.True);
        TestContext.Out.WriteLine($"diagnostics: inferences {rig.Value("inferences")}, latency p50 {rig.Value("inference_latency_p50_ms")} ms p99 {rig.Value("inference_latency_p99_ms")} ms, queue {rig.Value("queue_depth")}, camera->command p50 {rig.Value("camera_to_command_p50_ms")} ms");
        Assert.That(long.Parse(rig.Value("inferences"), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(3));
        Assert.That(rig.Policy.Output, Does.Contain("Instruction from /instruction: \"reach the green cube\" (queue flushed)"));
    }

    [Test]
    public void AMissingCamera_StopsCommands_AndTheyResumeWithIt()
    {
        using var rig = new Rig(_folder);
        var commands = new List<double>();
        rig.Node.CreateSubscription<JointState>("/policy_node/command", _ => commands.Add(rig.Clock.Elapsed.TotalSeconds));
        rig.Say("reach the red cube");
        Assert.That(rig.Spin(() => commands.Count >= 10, Long), Is.True, rig.Policy.Output);

        rig.CameraOn = false;
        double lastFrame = rig.LastFrameAt;
        rig.SpinFor(2.5);
        double lastCommand = commands[^1];
        TestContext.Out.WriteLine($"camera stopped: last command {lastCommand - lastFrame:0.000} s after the last frame (max_age {CameraMaxAge} s)");
        Assert.Multiple(() =>
        {
            Assert.That(lastCommand - lastFrame, Is.LessThan(CameraMaxAge + 0.5), "commands stop once the frame is older than the card allows");
            Assert.That(rig.Clock.Elapsed.TotalSeconds - lastCommand, Is.GreaterThan(1.5), "and stay stopped");
            Assert.That(rig.Policy.Output, Does.Contain("No command: /test_camera/image_raw is 0.3"));
        });
        Assert.That(rig.Spin(() => rig.Value("state") == "stale_observation", Long), Is.True);

        rig.CameraOn = true;
        int mark = commands.Count;
        Assert.That(rig.Spin(() => commands.Count >= mark + 5, Long), Is.True, "commands resume with the camera");
    }

    [Test]
    public void TrajectoryOutput_CarriesTheQueuedChunk_AndEnablePauses()
    {
        using var rig = new Rig(_folder, "-p", "output_type:=joint_trajectory");
        var chunks = new List<JointTrajectory>();
        rig.Node.CreateSubscription<JointTrajectory>("/policy_node/command", chunks.Add);
        rig.Say("red cube");
        Assert.That(rig.Spin(() => chunks.Count >= 2, Long), Is.True, rig.Policy.Output);

        // red cube <eos> = 5 + 7 + 1 = 13; the first point is the step being commanded, the rest is queued.
        JointTrajectory chunk = chunks[^1];
        Assert.Multiple(() =>
        {
            Assert.That(chunk.JointNames, Is.EqualTo(new[] { "joint_1", "joint_2" }));
            Assert.That(chunk.Points, Has.Length.InRange(36, 40));
            Assert.That(chunk.Points.All(p => Math.Abs(p.Positions[0] - Expected(0.25, 13)) < 1e-5), Is.True);
            Assert.That(chunk.Points[1].TimeFromStart.Nanosec, Is.EqualTo(100_000_000), "two control periods at 20 Hz");
        });

        using var pause = new ChildProcess(RepositoryRoot.Pai, ["service", "call", "/policy_node/enable", "std_srvs/srv/SetBool", "{data: false}"], TestNetwork.Environment(rig.Domain));
        Assert.That(pause.WaitForExit(Long), Is.True);
        Assert.That(pause.Output, Does.Contain("paused"));
        Assert.That(rig.Spin(() => rig.Value("state") == "paused", Long), Is.True);
        int count = chunks.Count;
        rig.SpinFor(3);
        Assert.That(chunks, Has.Count.EqualTo(count), "no commands while paused");
    }

    [Test]
    public void ABrokenCard_StopsTheNode_WithOneLineNamingIt()
    {
        string card = Path.Combine(_folder, "broken.yaml");
        File.WriteAllText(card, Card.Replace("horizon: 40", "horizon: forty", StringComparison.Ordinal));
        using var node = new ChildProcess(RepositoryRoot.Pai, ["run", "policy_node", "--ros-args", "-p", $"policy_card:={card}"], TestNetwork.Environment(TestNetwork.NewDomain()));
        Assert.That(node.WaitForExit(Long), Is.True);
        Assert.That((node.ExitCode, node.Output.Trim()), Is.EqualTo((2, $"[ERROR] parameter 'policy_card': {card}:8: 'actions.horizon': 'forty' is not a whole number of at least 1")));

        using var missing = new ChildProcess(RepositoryRoot.Pai, ["run", "policy_node"], TestNetwork.Environment(TestNetwork.NewDomain()));
        Assert.That(missing.WaitForExit(Long), Is.True);
        Assert.That(missing.Output, Does.Contain("parameter 'policy_card' is required"));
    }
}
