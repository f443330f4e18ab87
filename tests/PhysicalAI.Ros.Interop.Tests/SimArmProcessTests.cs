using System.Globalization;
using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.BuiltinInterfaces.Msg;
using PhysicalAI.Ros.Interfaces.DiagnosticMsgs.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdSrvs.Srv;
using PhysicalAI.Ros.Interfaces.Tf2Msgs.Msg;
using PhysicalAI.Ros.Interfaces.TrajectoryMsgs.Msg;
using PhysicalAI.Ros.Tests.Shared;
using PhysicalAI.Sim;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// <c>sim_arm</c> in its own process (started by <c>pai run</c>), seen from this one over DDS as any ROS 2
/// node would see it: joint state rate, camera topics, episodes and reset, and the three command forms.
/// </summary>
[NonParallelizable]
public class SimArmProcessTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    [OneTimeSetUp]
    public void BuildPai() => PaiLauncher.EnsureBuilt();

    private static ChildProcess SimArm(uint domain, params string[] rosArgs) =>
        new(RepositoryRoot.Pai, ["run", "sim_arm", "--ros-args", .. rosArgs], TestNetwork.Environment(domain));

    private static RobotModel PaiArm() => UrdfParser.Load(Path.Combine(RepositoryRoot.Path, "urdf", "pai_arm.urdf"));

    private static double Seconds(Time t) => t.Sec + (t.Nanosec * 1e-9);

    [Test]
    public void JointStatesAtTheParameterRate_AndCameraTopicsConsistent()
    {
        uint domain = TestNetwork.NewDomain();
        using ChildProcess sim = SimArm(domain, "-p", "publish_rate:=80.0", "-p", "cameras:=[front_camera, wrist_camera]",
            "-p", "wrist_camera.width:=160", "-p", "wrist_camera.height:=120", "-p", "wrist_camera.rate:=15.0");
        Assert.That(sim.WaitForLine(l => l.Contains("Simulating pai_arm"), Long), Is.True, sim.Output);

        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "sim_arm_observer");
        var stamps = new List<double>();
        JointState? lastState = null;
        var images = new Dictionary<string, Image>();
        var infos = new Dictionary<string, CameraInfo>();
        TFMessage? tfStatic = null;
        node.CreateSubscription<JointState>("/joint_states", m => { stamps.Add(Seconds(m.Header.Stamp)); lastState = m; });
        foreach (string camera in new[] { "front_camera", "wrist_camera" })
        {
            // One best-effort reader (as image pipelines subscribe) and one reliable (as image_view does): both must match.
            node.CreateSubscription<Image>($"/{camera}/image_raw", m => images[camera] = m, camera == "front_camera" ? QosProfiles.SensorData : QosProfiles.Default);
            node.CreateSubscription<CameraInfo>($"/{camera}/camera_info", m => infos[camera] = m, QosProfiles.SensorData);
        }

        node.CreateSubscription<TFMessage>("/tf_static", m => tfStatic = m, QosProfiles.Default.KeepLast(1).TransientLocal());
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);

        // Settle, then measure over a window of the publisher's own stamps (reliable: none are lost).
        Assert.That(TestWait.Spin(executor, () => stamps.Count >= 40, Long), Is.True, "joint states arrive");
        stamps.Clear();
        Assert.That(TestWait.Spin(executor, () => stamps.Count >= 400 && images.Count == 2 && infos.Count == 2 && tfStatic is not null, Long), Is.True);
        double rate = (stamps.Count - 1) / (stamps[^1] - stamps[0]);
        TestContext.Out.WriteLine($"joint_states: {stamps.Count} messages, {rate:0.00} Hz (parameter 80 Hz)");
        Assert.Multiple(() =>
        {
            Assert.That(rate, Is.InRange(80 * 0.95, 80 * 1.05));
            // (The wrist camera of the arm at home looks at the sky, so only the front one must show the table.)
            Assert.That(images["front_camera"].Data.Distinct().Count(), Is.GreaterThan(10), "the front camera shows a scene, not a blank frame");
            Assert.That(lastState!.Name, Is.EqualTo(PaiArm().ActuatedJointNames));
            Assert.That(lastState.Position, Has.Length.EqualTo(lastState.Name.Length));
            Assert.That(lastState.Velocity, Has.Length.EqualTo(lastState.Name.Length));
            foreach ((string camera, int width, int height) in new[] { ("front_camera", 320, 240), ("wrist_camera", 160, 120) })
            {
                Image image = images[camera];
                CameraInfo info = infos[camera];
                Assert.That((image.Width, image.Height, image.Step, image.Encoding, image.IsBigendian), Is.EqualTo(((uint)width, (uint)height, (uint)(width * 3), "rgb8", (byte)0)), camera);
                Assert.That(image.Data, Has.Length.EqualTo(image.Step * image.Height), camera);
                Assert.That(image.Header.FrameId, Is.EqualTo($"{camera}_optical_frame"));
                Assert.That((info.Width, info.Height, info.Header.FrameId), Is.EqualTo(((uint)width, (uint)height, $"{camera}_optical_frame")), camera);
                Assert.That((info.K[2], info.K[5], info.K[8]), Is.EqualTo(((width - 1) / 2.0, (height - 1) / 2.0, 1.0)), $"{camera}: principal point at the centre, pixel centres on integers as in ROS");
                Assert.That(info.P[0], Is.EqualTo(info.K[0]), camera);
                Assert.That(tfStatic!.Transforms.Select(t => t.ChildFrameId), Does.Contain($"{camera}_optical_frame"));
            }
        });
    }

    [Test]
    public void Reset_StartsTheNextSeedsScene_AndPublishesItsInstruction()
    {
        uint domain = TestNetwork.NewDomain();
        using ChildProcess sim = SimArm(domain, "-p", "seed:=40");
        Assert.That(sim.WaitForLine(l => l.Contains("Simulating pai_arm"), Long), Is.True, sim.Output);

        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "sim_arm_operator");
        var instructions = new List<string>();
        DiagnosticStatus? episode = null;
        node.CreateSubscription<RosString>("/instruction", m => instructions.Add(m.Data), QosProfiles.Default.KeepLast(1).TransientLocal());
        node.CreateSubscription<DiagnosticArray>("/sim_arm/episode", m => episode = m.Status[0]);
        var reset = node.CreateClient<Trigger.Request, Trigger.Response>("/sim_arm/reset");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);

        string Value(string key) => episode!.Values.Single(v => v.Key == key).Value;
        Assert.That(TestWait.Spin(executor, () => instructions.Count == 1 && episode is not null, Long), Is.True, "the latched instruction reaches a late subscriber");
        Assert.Multiple(() =>
        {
            Assert.That(instructions[0], Is.EqualTo(new SceneLayout().Generate(40).Instruction));
            Assert.That(Value("seed"), Is.EqualTo("40"));
            Assert.That(Value("success"), Is.EqualTo("false"));
        });

        Assert.That(TestWait.WhileSpinning(executor, reset.WaitForServiceAsync(Long)).Result, Is.True);
        Trigger.Response response = TestWait.WhileSpinning(executor, reset.CallAsync(new Trigger.Request(), Long)).Result;
        Scene next = new SceneLayout().Generate(41);
        Assert.That(TestWait.Spin(executor, () => instructions.Count == 2 && Value("seed") == "41", Long), Is.True, string.Join(" | ", instructions));
        TestContext.Out.WriteLine($"reset: {response.Message}; instructions: {string.Join(" | ", instructions)}");
        Assert.Multiple(() =>
        {
            Assert.That(response.Success, Is.True);
            Assert.That(response.Message, Is.EqualTo($"seed 41: {next.Instruction}"));
            Assert.That(instructions[1], Is.EqualTo(next.Instruction));
            Assert.That(Value("goal_x"), Is.EqualTo(next.Target.GoalPoint.X.ToString("0.####", CultureInfo.InvariantCulture)));
            Assert.That(double.Parse(Value("elapsed"), CultureInfo.InvariantCulture), Is.LessThan(5), "elapsed restarts");
        });

        // next_seed picks the next reset's scene, once.
        using (var set = new ChildProcess(RepositoryRoot.Pai, ["param", "set", "/sim_arm", "next_seed", "7"], TestNetwork.Environment(domain)))
        {
            Assert.That(set.WaitForExit(Long) && set.ExitCode == 0, Is.True, set.Output);
        }

        response = TestWait.WhileSpinning(executor, reset.CallAsync(new Trigger.Request(), Long)).Result;
        Assert.That(response.Message, Is.EqualTo($"seed 7: {new SceneLayout().Generate(7).Instruction}"));
        response = TestWait.WhileSpinning(executor, reset.CallAsync(new Trigger.Request(), Long)).Result;
        Assert.That(response.Message, Does.StartWith("seed 8: "), "then the seeds run on from there");
    }

    [Test]
    public void ScriptedExpertsTrajectory_ReachesTheCube_AndTheEpisodeReportsSuccess()
    {
        const int seed = 7;
        uint domain = TestNetwork.NewDomain();
        using ChildProcess sim = SimArm(domain, "-p", $"seed:={seed}", "-p", "episode_timeout:=600.0");
        Assert.That(sim.WaitForLine(l => l.Contains("Simulating pai_arm"), Long), Is.True, sim.Output);

        // The expert's motion, planned here on our own copy of the arm, sent as one trajectory at 50 Hz points.
        RobotModel model = PaiArm();
        var expert = new ScriptedExpert(new SimulatedArm(model));
        Assert.That(expert.Plan(new SceneLayout().Generate(seed)), Is.True, expert.Failure);
        var points = new List<JointTrajectoryPoint>();
        for (int k = 1; k <= 200; k++)
        {
            points.Add(new JointTrajectoryPoint
            {
                Positions = expert.NextTargets().ToArray(),
                TimeFromStart = new Duration { Sec = (k * 20) / 1000, Nanosec = (uint)((k * 20 % 1000) * 1_000_000) },
            });
        }

        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "sim_arm_planner");
        DiagnosticStatus? episode = null;
        node.CreateSubscription<DiagnosticArray>("/sim_arm/episode", m => episode = m.Status[0]);
        Publisher<JointTrajectory> trajectory = node.CreatePublisher<JointTrajectory>("/joint_trajectory_controller/joint_trajectory");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        Assert.That(TestWait.Spin(executor, () => trajectory.SubscriptionCount > 0 && episode is not null, Long), Is.True);
        trajectory.Publish(new JointTrajectory { JointNames = [.. model.ActuatedJointNames], Points = [.. points] });

        string Value(string key) => episode!.Values.Single(v => v.Key == key).Value;
        Assert.That(TestWait.Spin(executor, () => Value("success") == "true", Long), Is.True, $"episode: {episode?.Message}, tool {Value("tool_distance")} m away\n{sim.Output}");
        TestContext.Out.WriteLine($"seed {seed}: {Value("instruction")} succeeded at {Value("success_time")} s");
        Assert.Multiple(() =>
        {
            Assert.That(episode!.Message, Is.EqualTo("succeeded"));
            Assert.That(episode.Level, Is.EqualTo(DiagnosticStatus.OK));
            Assert.That(sim.WaitForLine(l => l.Contains($"Episode {seed} succeeded after"), Long), Is.True, sim.Output);
        });
    }

    [Test]
    public void Commands_AreFollowed_AndMalformedOnesRejectedWithAWarningNamingTheTopic()
    {
        uint domain = TestNetwork.NewDomain();
        using ChildProcess sim = SimArm(domain);
        Assert.That(sim.WaitForLine(l => l.Contains("Simulating pai_arm"), Long), Is.True, sim.Output);

        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "sim_arm_commander");
        JointState? state = null;
        node.CreateSubscription<JointState>("/joint_states", m => state = m);
        Publisher<Float64MultiArray> positions = node.CreatePublisher<Float64MultiArray>("/forward_position_controller/commands");
        Publisher<JointState> jointCommands = node.CreatePublisher<JointState>("/joint_commands");
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        Assert.That(TestWait.Spin(executor, () => positions.SubscriptionCount > 0 && jointCommands.SubscriptionCount > 0 && state is not null, Long), Is.True);

        double[] target = [0.4, 0.3, -0.2, 0.1, 0.0, 0.2, 0.01];
        positions.Publish(new Float64MultiArray { Data = target });
        bool Near(double[] expected) => state!.Position.Zip(expected).All(p => Math.Abs(p.First - p.Second) < 1e-3);
        Assert.That(TestWait.Spin(executor, () => Near(target), Long), Is.True, $"reached {string.Join(", ", state!.Position)}");

        // One malformed command per topic: a second within a second on the same topic is counted, not logged.
        positions.Publish(new Float64MultiArray { Data = [0.1, 0.2] });
        jointCommands.Publish(new JointState { Name = ["joint_1", "joint_2"], Position = [0, double.NaN] });
        Assert.That(sim.WaitForLine(l => l.Contains("Command on '/forward_position_controller/commands' rejected: 2 positions; the arm has 7 actuated joints"), Long), Is.True, sim.Output);
        Assert.That(sim.WaitForLine(l => l.Contains("Command on '/joint_commands' rejected: position[1] (joint_2) is NaN"), Long), Is.True, sim.Output);
        TestWait.Spin(executor, () => false, TimeSpan.FromSeconds(1.2));
        jointCommands.Publish(new JointState { Name = ["joint_1", "elbow"], Position = [0, 0] });
        Assert.That(sim.WaitForLine(l => l.Contains("Command on '/joint_commands' rejected: unknown joint 'elbow'"), Long), Is.True, sim.Output);

        // The rejected commands changed nothing; a named JointState command moves only the joints it names.
        Assert.That(Near(target), Is.True, "malformed commands were ignored");
        // joint_state_publisher lists mimic joints too; their values are ignored.
        jointCommands.Publish(new JointState { Name = ["joint_6", "gripper_finger_right", "joint_1"], Position = [-0.3, 0.025, 0.9] });
        double[] moved = [0.9, 0.3, -0.2, 0.1, 0.0, -0.3, 0.01];
        Assert.That(TestWait.Spin(executor, () => Near(moved), Long), Is.True, $"reached {string.Join(", ", state!.Position)}");
    }

    [Test]
    public void PaiSimSnapshot_WritesThePngOfTheSeededScene_AndRefusesAnUnknownRobot()
    {
        string file = Path.Combine(Path.GetTempPath(), $"snapshot-{Guid.NewGuid():N}.png");
        try
        {
            ExternalProcess.Result ok = ExternalProcess.Run(RepositoryRoot.Pai, ["sim", "snapshot", "--seed", "3", "--out", file], RepositoryRoot.Path, Long);
            ExternalProcess.Result bad = ExternalProcess.Run(RepositoryRoot.Pai, ["sim", "snapshot", "--robot", "ur5", "--out", file + ".bad"], RepositoryRoot.Path, Long);
            TestContext.Out.WriteLine(ok.StandardOutput + ok.StandardError + bad.StandardError);
            byte[] png = File.ReadAllBytes(file);
            Assert.Multiple(() =>
            {
                Assert.That(ok.ExitCode, Is.Zero, ok.StandardError);
                Assert.That(ok.StandardOutput, Does.Contain($"320x240 rgb8 from front_camera of pai_arm, seed 3").And.Contain(new SceneLayout().Generate(3).Instruction));
                Assert.That(png.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }));
                Assert.That(System.Text.Encoding.ASCII.GetString(png, 12, 4), Is.EqualTo("IHDR"));
                Assert.That((System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))), Is.EqualTo((320, 240)));
                Assert.That(bad.ExitCode, Is.EqualTo(1));
                Assert.That(bad.StandardError, Does.Contain("'ur5' is not a built-in robot (pai_arm, so101) or a .urdf file"));
                Assert.That(File.Exists(file + ".bad"), Is.False);
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void PublishClock_RunsSimulatedTimeAtTheRealTimeFactor_AndStampsWithIt()
    {
        uint domain = TestNetwork.NewDomain();
        using ChildProcess sim = SimArm(domain, "-p", "publish_clock:=true", "-p", "real_time_factor:=2.0", "-p", "cameras:=[none]");
        Assert.That(sim.WaitForLine(l => l.Contains("/clock at 2x real time"), Long), Is.True, sim.Output);

        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "sim_clock_observer");
        var clock = new List<(double Sim, double Wall)>();
        double lastStateStamp = double.NaN;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        node.CreateSubscription<Interfaces.RosgraphMsgs.Msg.Clock>("/clock", m => clock.Add((Seconds(m.Clock_), wall.Elapsed.TotalSeconds)), QosProfiles.Clock);
        node.CreateSubscription<JointState>("/joint_states", m => lastStateStamp = Seconds(m.Header.Stamp));
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        Assert.That(TestWait.Spin(executor, () => clock.Count > 0 && clock[^1].Wall - clock[0].Wall > 3, Long), Is.True);

        double factor = (clock[^1].Sim - clock[0].Sim) / (clock[^1].Wall - clock[0].Wall);
        TestContext.Out.WriteLine($"{clock.Count} clock messages; simulated time ran {factor:0.00}x wall time; last state stamp {lastStateStamp:0.000} s");
        Assert.Multiple(() =>
        {
            Assert.That(factor, Is.InRange(1.7, 2.3), "simulated seconds per wall second");
            Assert.That(clock.Zip(clock.Skip(1)).All(p => p.Second.Sim >= p.First.Sim), Is.True, "the clock never goes backwards");
            Assert.That(clock[0].Sim, Is.LessThan(60), "simulated time starts at zero, not at the system clock");
            Assert.That(lastStateStamp, Is.InRange(0, clock[^1].Sim + 1), "joint states are stamped with simulated time");
            Assert.That(sim.Output, Does.Contain("cameras: none"));
        });
    }

    [TestCase("robot:=ur5", "parameter 'robot' is 'ur5'; built-in robots are pai_arm and so101")]
    [TestCase("tool_link:=flange", "parameter 'tool_link' is 'flange', which robot 'pai_arm' does not have")]
    [TestCase("home_positions:=[0.0, 5.0, 0.0, 0.0, 0.0, 0.0, 0.0]", "parameter 'home_positions'[1] is 5 for joint 'joint_2', outside its limits")]
    [TestCase("cameras:=[front_camera, front_camera]", "parameter 'cameras' names 'front_camera' twice")]
    [TestCase("front_camera.mount_link:=nowhere", "parameter 'front_camera.mount_link' is 'nowhere', which robot 'pai_arm' does not have")]
    public void BadParameters_StopTheNode_WithOneLineNamingTheParameter(string parameter, string message)
    {
        using ChildProcess sim = SimArm(TestNetwork.NewDomain(), "-p", parameter);
        Assert.That(sim.WaitForExit(Long), Is.True, sim.Output);
        Assert.Multiple(() =>
        {
            Assert.That(sim.ExitCode, Is.EqualTo(2), sim.Output);
            Assert.That(sim.Output, Does.Contain($"[ERROR] {message}"));
            Assert.That(sim.Output, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public void ABrokenUrdf_StopsTheNode_WithTheFileLineAndElement()
    {
        string file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.urdf");
        File.WriteAllText(file, "<robot name=\"r\">\n  <link name=\"base\"/>\n  <joint name=\"j\" type=\"hinge\"><parent link=\"base\"/><child link=\"base\"/></joint>\n</robot>\n");
        try
        {
            using ChildProcess sim = SimArm(TestNetwork.NewDomain(), "-p", $"robot_description_file:={file}");
            Assert.That(sim.WaitForExit(Long), Is.True, sim.Output);
            TestContext.Out.WriteLine(sim.Output);
            Assert.Multiple(() =>
            {
                Assert.That(sim.ExitCode, Is.EqualTo(2), sim.Output);
                Assert.That(sim.Output, Does.Contain($"[ERROR] {file}:3: <joint name=\"j\">"));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
