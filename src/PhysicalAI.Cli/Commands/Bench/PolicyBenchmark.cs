using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PhysicalAI.Policy;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Policy.Inference;
using PhysicalAI.Policy.Loop;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Client.Time;
using PhysicalAI.Ros.Interfaces.DiagnosticMsgs.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Cli.Commands.Bench;

/// <summary>
/// <c>pai bench policy</c>: the policy targets, each beside the reference measured in the same run —
/// preprocessing of a 640x480 frame into a 224x224 tensor; the managed work of one inference besides the
/// session run and the resize (both timed alone on the same model and frame, then subtracted); and the camera
/// stamp → command publish latency through <c>policy_node</c> in its own process over DDS.
/// </summary>
internal static class PolicyBenchmark
{
    private const int FrameWidth = 640, FrameHeight = 480, Iterations = 400;

    public static Command Create()
    {
        var duration = new Option<double>("--duration") { Description = "Seconds of the node measurement", DefaultValueFactory = _ => 12 };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object instead of a table" };
        var command = new Command("policy", "Policy preprocessing, per-inference overhead and camera-to-command latency through policy_node") { duration, json };
        command.SetAction(result => Run(Math.Max(4, result.GetValue(duration)), result.GetValue(json)));
        return command;
    }

    private static int Run(double duration, bool json)
    {
        var report = new Dictionary<string, object>();
        var table = new StringBuilder();
        bool met = true;
        byte[] frame = new byte[FrameWidth * FrameHeight * 3];
        new Random(1).NextBytes(frame);

        Progress(json, "preprocessing");
        table.AppendLine("Preprocessing, 640x480 rgb8 -> 224x224 NCHW float, ImageNet mean/std, one thread (median of 400)");
        var preprocess = new Dictionary<string, object>();
        foreach (ResizeMode mode in Enum.GetValues<ResizeMode>())
        {
            var spec = new ImageInputSpec { Width = 224, Height = 224, Mode = mode, Mean = [0.485, 0.456, 0.406], Std = [0.229, 0.224, 0.225] };
            var preprocessor = new ImagePreprocessor(spec);
            var tensor = new float[3 * 224 * 224];
            (double median, long bytes) = Measure(() => preprocessor.Process(frame, FrameWidth, FrameHeight, FrameWidth * 3, PixelEncoding.Rgb8, tensor));
            bool ok = median <= 1e-3 && bytes == 0;
            met &= ok;
            preprocess[Name(mode)] = new Dictionary<string, object> { ["median_ms"] = Round(median * 1e3, 3), ["bytes_per_op"] = bytes, ["target_met"] = ok };
            table.AppendLine(Invariant($"  {Name(mode),-14} {median * 1e3,7:F3} ms, {bytes} B   [target <= 1 ms and 0 B: {(ok ? "met" : "NOT MET")}]"));
        }

        report["preprocess_640x480_to_224"] = preprocess;

        string folder = Directory.CreateTempSubdirectory("pai_bench_policy").FullName;
        try
        {
            Progress(json, "inference overhead");
            met &= Overhead(folder, frame, table, report);
            Progress(json, $"policy_node over DDS ({duration:0} s)");
            ThroughTheNode(folder, duration, table, report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        table.AppendLine(met ? "all targets met" : "NOT all targets met");
        report["targets_met"] = met;
        Console.WriteLine(json ? JsonSerializer.Serialize(report) : table.ToString());
        return 0;
    }

    /// <summary>An inference step through the loop, against the session run and the resize alone.</summary>
    private static bool Overhead(string folder, byte[] frame, StringBuilder table, Dictionary<string, object> report)
    {
        string cardFile = BenchPolicy.Write(folder, "/bench_camera/image_raw", 50);
        PolicyCard card = PolicyCardLoader.Load(cardFile);
        double now = 1000;
        using var loop = new PolicyLoop(PolicyRuntime.Load(card), () => now, inferenceBudget: 1);
        loop.SetInstruction("reach the red cube");
        double[] state = new double[BenchPolicy.Joints], action = new double[BenchPolicy.Joints];

        // The whole step a control cycle costs when a chunk is due: state and frame into the bound inputs,
        // the run, un-normalization, the queue push and the pop.
        (double step, long stepBytes) = Measure(() =>
        {
            now += 0.02;
            loop.OnJointState(state, now);
            loop.OnImage(0, frame, FrameWidth, FrameHeight, FrameWidth * 3, PixelEncoding.Rgb8, now);
            if (!loop.InferIfNeeded() || loop.Tick(action, out _) != ControlTick.Command)
            {
                throw new InvalidOperationException("the benchmark policy did not produce a command");
            }
        });
        (double copy, _) = Measure(() => loop.OnImage(0, frame, FrameWidth, FrameHeight, FrameWidth * 3, PixelEncoding.Rgb8, now));

        using var runner = new OnnxModelRunner(BenchPolicy.Model(), "bench.onnx",
            [new TensorContract("image", [1, 3, 224, 224]), new TensorContract("state", [1, BenchPolicy.Joints]),
             new TensorContract("ids", [1, BenchPolicy.Tokens], Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int64),
             new TensorContract("mask", [1, BenchPolicy.Tokens], Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int64)],
            [new TensorContract("action", [1, BenchPolicy.Horizon, BenchPolicy.Joints])]);
        (double run, _) = Measure(runner.Run);
        var preprocessor = new ImagePreprocessor(card.Cameras[0].Image);
        float[] tensor = new float[3 * 224 * 224];
        (double resize, _) = Measure(() => preprocessor.Process(frame, FrameWidth, FrameHeight, FrameWidth * 3, PixelEncoding.Rgb8, tensor));

        double overhead = step - copy - run - resize;
        bool ok = overhead <= 50e-6 && stepBytes == 0;
        table.AppendLine();
        table.AppendLine(Invariant($"Inference step through the policy loop (224x224 camera, 7 joints, 16 tokens, chunk 10 x 7; medians of {Iterations})"));
        table.AppendLine(Invariant($"  whole step {step * 1e6,9:F1} us  = frame copy {copy * 1e6:F1} us + session run {run * 1e6:F1} us + resize {resize * 1e6:F1} us + ours {overhead * 1e6:F1} us"));
        table.AppendLine(Invariant($"  managed overhead {overhead * 1e6:F1} us, {stepBytes} B allocated per step   [target <= 50 us and 0 B: {(ok ? "met" : "NOT MET")}]"));
        report["inference_step"] = new Dictionary<string, object>
        {
            ["whole_step_us"] = Round(step * 1e6),
            ["frame_copy_us"] = Round(copy * 1e6),
            ["session_run_us"] = Round(run * 1e6),
            ["resize_us"] = Round(resize * 1e6),
            ["overhead_us"] = Round(overhead * 1e6),
            ["bytes_per_step"] = stepBytes,
            ["target_met"] = ok,
        };
        return ok;
    }

    /// <summary>
    /// policy_node in a child process; this process publishes 640x480 frames at 30 Hz, each a uniform grey level
    /// that the policy echoes into its command, so every command names the frame behind it.
    /// </summary>
    private static void ThroughTheNode(string folder, double duration, StringBuilder table, Dictionary<string, object> report)
    {
        const double Rate = 50;
        string topic = "/bench_camera/image_raw";
        string cardFile = BenchPolicy.Write(folder, topic, Rate);
        uint domain = (uint)(215 + (System.Environment.ProcessId % 15));
        var environment = new Dictionary<string, string?> { ["ROS_DOMAIN_ID"] = domain.ToString(CultureInfo.InvariantCulture), ["ROS_AUTOMATIC_DISCOVERY_RANGE"] = "LOCALHOST", ["ROS_LOCALHOST_ONLY"] = null };
        using var node = new MonitoredProcess(System.Environment.ProcessPath!,
            [typeof(PolicyBenchmark).Assembly.Location, "run", "policy_node", "--ros-args", "-p", $"policy_card:={cardFile}", "-p", "instruction:=reach the red cube"],
            environment);

        using RosContext context = RosContext.Create([], new RosContextOptions
        {
            Environment = new RosEnvironment { DomainId = domain, DiscoveryRange = Ros.Client.DiscoveryRange.Localhost },
            InstallSignalHandlers = false,
        });
        using var ros = new Node(context, "policy_bench");
        Publisher<Image> camera = ros.CreatePublisher<Image>(topic, QosProfiles.SensorData);
        Publisher<JointState> joints = ros.CreatePublisher<JointState>("/joint_states");
        var image = new Image { Width = FrameWidth, Height = FrameHeight, Step = FrameWidth * 3, Encoding = "rgb8", Data = new byte[FrameWidth * FrameHeight * 3] };
        var jointState = new JointState { Name = BenchPolicy.JointNames, Position = new double[BenchPolicy.Joints] };
        var stampOfLevel = new double[256];
        int level = 0;
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        double warmup = 2, measuring = warmup + duration;
        DiagnosticStatus? diagnostics = null;
        ros.CreateWallTimer(TimeSpan.FromSeconds(1 / 30.0), () =>
        {
            level = 20 + ((level - 19) % 200);
            Array.Fill(image.Data, (byte)level);
            RosTime now = ros.Now();
            now.CopyTo(image.Header.Stamp);
            stampOfLevel[level] = now.TotalSeconds;
            camera.Publish(image);
        });
        ros.CreateWallTimer(TimeSpan.FromSeconds(1 / 100.0), () =>
        {
            ros.Now().CopyTo(jointState.Header.Stamp);
            joints.Publish(jointState);
        });
        ros.CreateSubscription<JointState>("/policy_node/command", m =>
        {
            int seen = (int)Math.Round(m.Position[0] * 255);
            double elapsed = clock.Elapsed.TotalSeconds;
            if (elapsed > warmup && elapsed < measuring && seen is >= 20 and < 220 && stampOfLevel[seen] > 0)
            {
                latencies.Add(RosTime.FromMessage(m.Header.Stamp).TotalSeconds - stampOfLevel[seen]);
            }
        });
        ros.CreateSubscription<DiagnosticArray>("/diagnostics", m => diagnostics = m.Status.FirstOrDefault(s => s.Name.StartsWith("policy_node", StringComparison.Ordinal)) ?? diagnostics);
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(ros);
        while (latencies.Count == 0 && clock.Elapsed.TotalSeconds < 120)
        {
            executor.SpinOnce(TimeSpan.FromMilliseconds(50));
            if (clock.Elapsed.TotalSeconds > warmup && latencies.Count == 0)
            {
                // Start the window once commands flow (the node needs a while to start on a loaded machine).
                warmup = clock.Elapsed.TotalSeconds + 1;
                measuring = warmup + duration;
            }
        }

        while (clock.Elapsed.TotalSeconds < measuring + 1.5)
        {
            executor.SpinOnce(TimeSpan.FromMilliseconds(50));
        }

        if (latencies.Count == 0)
        {
            throw new CliError($"policy_node sent no commands; its output:\n{string.Join('\n', node.Lines)}");
        }

        latencies.Sort();
        string Value(string key) => diagnostics?.Values.FirstOrDefault(v => v.Key == key)?.Value ?? "nan";
        table.AppendLine();
        table.AppendLine(Invariant($"Through policy_node over DDS: 640x480 rgb8 frames at 30 Hz, control at {Rate} Hz, {latencies.Count} commands in {duration:0} s"));
        table.AppendLine(Invariant($"  camera stamp -> command publish: p50 {WindowStats.Percentile(latencies, 50) * 1e3:F1} ms, p99 {WindowStats.Percentile(latencies, 99) * 1e3:F1} ms (frame interval 33.3 ms + control period {1e3 / Rate:F0} ms bound the wait)"));
        table.AppendLine($"  node diagnostics: inference p50 {Value("inference_latency_p50_ms")} ms, p99 {Value("inference_latency_p99_ms")} ms; first command of a chunk p50 {Value("camera_to_command_p50_ms")} ms, p99 {Value("camera_to_command_p99_ms")} ms; over budget {Value("over_budget")}, stale steps {Value("stale_steps")}");
        report["through_node"] = new Dictionary<string, object>
        {
            ["commands"] = latencies.Count,
            ["camera_to_command_p50_ms"] = Round(WindowStats.Percentile(latencies, 50) * 1e3),
            ["camera_to_command_p99_ms"] = Round(WindowStats.Percentile(latencies, 99) * 1e3),
            ["node_inference_p50_ms"] = Value("inference_latency_p50_ms"),
            ["node_inference_p99_ms"] = Value("inference_latency_p99_ms"),
            ["node_first_command_p50_ms"] = Value("camera_to_command_p50_ms"),
            ["node_first_command_p99_ms"] = Value("camera_to_command_p99_ms"),
        };
    }

    /// <summary>Median seconds per call of <paramref name="body"/>, and managed bytes allocated per call.</summary>
    private static (double Median, long BytesPerCall) Measure(Action body)
    {
        for (int i = 0; i < 50; i++)
        {
            body();
        }

        var times = new double[Iterations];
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            long start = Stopwatch.GetTimestamp();
            body();
            times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        long bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / Iterations;
        Array.Sort(times);
        return (times[Iterations / 2], bytes);
    }

    private static string Name(ResizeMode mode) => mode switch
    {
        ResizeMode.PadToSquare => "pad_to_square",
        ResizeMode.CenterCrop => "center_crop",
        _ => "stretch",
    };

    private static double Round(double v, int digits = 1) => Math.Round(v, digits);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static void Progress(bool json, string text)
    {
        if (!json)
        {
            Console.Error.WriteLine(text);
        }
    }
}
