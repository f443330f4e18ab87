using System.Diagnostics;
using System.Globalization;
using PhysicalAI.Cli.Commands;
using PhysicalAI.Cli.Launch;
using PhysicalAI.Learning.Evaluation;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Robot;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Client.Services;
using PhysicalAI.Ros.Interfaces.DiagnosticMsgs.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdSrvs.Srv;
using PhysicalAI.Sim;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Cli.Evaluation;

/// <summary>
/// The node graph a user runs — <c>launch/sim_reach.launch.yaml</c> through <c>pai launch</c>: <c>sim_arm</c>,
/// <c>policy_node</c> and <c>safety_controller</c>, each its own process, on a private domain — and this
/// process as the evaluator: for each seed it pauses the policy,
/// disarms the safety controller, resets the simulator to that seed, re-arms, resumes the policy, and
/// watches the episode report until success or the time limit. The ablations change only what the policy
/// is given: its instruction topic or its camera topics are remapped to ones this process feeds.
/// </summary>
internal sealed class EvaluationGraph : IDisposable
{
    private static readonly TimeSpan Call = TimeSpan.FromSeconds(20);
    private const string BlankPrefix = "/pai_eval/blank", InstructionTopic = "/pai_eval/instruction", FrontCamera = "/front_camera/image_raw";

    private readonly PolicyCard _card;
    private readonly EvaluationAblation _ablation;
    private readonly double _timeLimit;
    private readonly MonitoredProcess _launch;
    private readonly RosContext _context;
    private readonly Node _node;
    private readonly SingleThreadedExecutor _executor;
    private readonly ServiceClient<Trigger.Request, Trigger.Response> _reset, _safetyReset;
    private readonly ServiceClient<SetBool.Request, SetBool.Response> _policyEnable, _safetyEnable;
    private readonly ParameterClient _simParameters;
    private readonly Publisher<RosString> _instruction;
    private readonly SimulatedArm _arm;
    private readonly string _toolLink;
    private readonly string[] _armJoints;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private DiagnosticStatus? _episode, _safety, _policy;
    private EpisodeTrace? _trace;
    private double _episodeStart;
    private Vector3d _instructedGoal;
    private double _closestToInstructed = double.PositiveInfinity;

    public EvaluationGraph(string cardFile, PolicyCard card, string robot, RobotModel model, double timeLimit, int firstSeed, EvaluationAblation ablation, uint domain)
    {
        _card = card;
        _ablation = ablation;
        _timeLimit = timeLimit;
        _arm = new SimulatedArm(model);
        _toolLink = "tool0";
        _armJoints = [.. model.ActuatedJointNames];
        var environment = new Dictionary<string, string?>
        {
            ["ROS_DOMAIN_ID"] = domain.ToString(CultureInfo.InvariantCulture),
            ["ROS_AUTOMATIC_DISCOVERY_RANGE"] = "LOCALHOST",
            ["ROS_LOCALHOST_ONLY"] = null,
            ["ROS_STATIC_PEERS"] = null,
        };
        string Text(double v) => v.ToString("0.0###############", CultureInfo.InvariantCulture);
        string launchFile = Path.Combine(PackageIndex.FromProcess().FindShare(PackageIndex.OwnPackage) ?? throw new CliError("the launch files are not beside this build"), "launch", "sim_reach.launch.yaml");
        List<string> arguments =
        [
            $"robot:={robot}", $"policy_card:={cardFile}", $"seed:={firstSeed}", $"episode_timeout:={Text(timeLimit)}",
            "armed:=false", "policy_enabled:=false",
        ];
        if (ablation == EvaluationAblation.OtherColorInstruction)
        {
            arguments.Add($"instruction_topic:={InstructionTopic}");
        }
        else if (ablation == EvaluationAblation.BlankCamera)
        {
            if (card.Cameras.Any(c => Absolute(c.Topic) != FrontCamera))
            {
                throw new CliError($"the blank-camera ablation blanks {FrontCamera}, the camera sim_reach.launch.yaml hands policy_node; this card also reads {string.Join(", ", card.Cameras.Select(c => Absolute(c.Topic)).Where(t => t != FrontCamera))}");
            }

            arguments.Add($"camera_topic:={BlankPrefix}{FrontCamera}");
        }

        // The launch file users run, through pai launch (which supervises the three node processes).
        _launch = new MonitoredProcess(System.Environment.ProcessPath!, [typeof(EvaluationGraph).Assembly.Location, "launch", launchFile, .. arguments], environment);

        try
        {
            _context = RosContext.Create([], new RosContextOptions
            {
                Environment = new RosEnvironment { DomainId = domain, DiscoveryRange = Ros.Client.DiscoveryRange.Localhost },
                InstallSignalHandlers = false,
            });
            _node = new Node(_context, "pai_eval");
            _reset = _node.CreateClient<Trigger.Request, Trigger.Response>("/sim_arm/reset");
            _safetyReset = _node.CreateClient<Trigger.Request, Trigger.Response>("/safety_controller/reset");
            _policyEnable = _node.CreateClient<SetBool.Request, SetBool.Response>("/policy_node/enable");
            _safetyEnable = _node.CreateClient<SetBool.Request, SetBool.Response>("/safety_controller/enable");
            _simParameters = new ParameterClient(_node, "/sim_arm");
            _instruction = _node.CreatePublisher<RosString>(InstructionTopic, QosProfiles.Default.KeepLast(1).TransientLocal());
            _node.CreateSubscription<DiagnosticArray>("/sim_arm/episode", m => _episode = m.Status.FirstOrDefault() ?? _episode);
            _node.CreateSubscription<DiagnosticArray>("/diagnostics", m =>
            {
                foreach (DiagnosticStatus s in m.Status)
                {
                    if (s.Name.StartsWith("safety_controller", StringComparison.Ordinal))
                    {
                        _safety = s;
                    }
                    else if (s.Name.StartsWith("policy_node", StringComparison.Ordinal))
                    {
                        _policy = s;
                    }
                }
            });
            _node.CreateSubscription<JointState>("/joint_states", OnJointState);
            _node.CreateSubscription<JointState>("/safety_controller/policy_command", m => Record(_trace?.Commanded, m.Name, m.Position));
            _node.CreateSubscription<Float64MultiArray>("/forward_position_controller/commands", m => Record(_trace?.Safe, _armJoints, m.Data));
            for (int c = 0; c < card.Cameras.Count; c++)
            {
                string topic = Absolute(card.Cameras[c].Topic);
                Publisher<Image>? blank = ablation == EvaluationAblation.BlankCamera ? _node.CreatePublisher<Image>(BlankPrefix + topic, QosProfiles.SensorData) : null;
                bool first = c == 0;
                _node.CreateSubscription<Image>(topic, m => OnFrame(m, blank, first), QosProfiles.SensorData);
            }
            _executor = new SingleThreadedExecutor(_context);
            _executor.AddNode(_node);
        }
        catch
        {
            // Nothing may outlive a failed start: the launched graph goes with it.
            _launch.Interrupt(TimeSpan.FromSeconds(15));
            _launch.Dispose();
            throw;
        }
    }

    /// <summary>Faults the safety controller latched during an episode, cleared before the next.</summary>
    public List<string> FaultsCleared { get; } = [];

    /// <summary>The launch's last lines (each node's prefixed with its name), for errors.</summary>
    public string NodeOutput => string.Join('\n', _launch.Lines.TakeLast(30));

    /// <summary>Waits until every node reports and every service answers.</summary>
    public void WaitReady(TimeSpan timeout)
    {
        if (!Spin(() => _episode is not null && _safety is not null && _policy is not null, timeout)
            || !Await(_reset.WaitForServiceAsync(timeout)) || !Await(_policyEnable.WaitForServiceAsync(timeout))
            || !Await(_safetyEnable.WaitForServiceAsync(timeout)) || !Await(_safetyReset.WaitForServiceAsync(timeout)) || !Await(_simParameters.WaitForServicesAsync(timeout)))
        {
            throw new CliError($"the node graph did not come up (within {timeout.TotalSeconds:0} s, or a node exited):\n{NodeOutput}");
        }
    }

    /// <summary>Runs the episode of <paramref name="seed"/>; records a trace when <paramref name="trace"/> is given.</summary>
    public (EpisodeOutcome Outcome, EvaluationCounters Before, EvaluationCounters After) RunEpisode(int seed, EpisodeTrace? trace)
    {
        // Hand over cleanly: nothing commands while the scene changes, and the safety controller takes over
        // from where the reset put the arm.
        Enable(_policyEnable, false);
        Enable(_safetyEnable, false);
        if (!Spin(() => Value(_safety, "state") == "disabled", TimeSpan.FromSeconds(20)))
        {
            throw new CliError($"safety_controller did not disarm (state '{Value(_safety, "state")}')\n{NodeOutput}");
        }

        // A fault latched in the last episode (a feedback fault, a rejected chunk) would hold this one.
        Trigger.Response cleared = Await(_safetyReset.CallAsync(new Trigger.Request(), Call));
        if (!cleared.Success)
        {
            throw new CliError($"safety_controller's reset failed: {cleared.Message}");
        }

        if (cleared.Message != "nothing to reset")
        {
            FaultsCleared.Add($"before seed {seed}: {cleared.Message}");
        }

        SetParametersResult set = Await(_simParameters.SetAsync([new Parameter("next_seed", ParameterValue.From((long)seed))], Call))[0];
        if (!set.Successful)
        {
            throw new CliError($"sim_arm refused next_seed {seed}: {set.Reason}");
        }

        Trigger.Response reset = Await(_reset.CallAsync(new Trigger.Request(), Call));
        if (!reset.Message.StartsWith($"seed {seed}:", StringComparison.Ordinal))
        {
            throw new CliError($"sim_arm's reset answered '{reset.Message}', not seed {seed}");
        }

        Scene scene = ReachEvaluationEpisodes.Scene(seed);
        string instruction = ReachEvaluationEpisodes.Instruction(scene, _ablation);
        if (_ablation == EvaluationAblation.OtherColorInstruction)
        {
            _instruction.Publish(new RosString { Data = instruction });
        }

        if (!Spin(() => Value(_episode, "seed") == seed.ToString(CultureInfo.InvariantCulture), TimeSpan.FromSeconds(20)))
        {
            throw new CliError($"sim_arm's episode report did not reach seed {seed}\n{NodeOutput}");
        }

        _instructedGoal = ReachEvaluationEpisodes.InstructedCube(scene, _ablation).GoalPoint;
        _closestToInstructed = double.PositiveInfinity;
        EvaluationCounters before = Counters();
        _trace = trace;
        _episodeStart = _clock.Elapsed.TotalSeconds;
        if (trace is not null)
        {
            trace.Goal = FrontCameraPixel(scene.Target.GoalPoint);
        }

        Enable(_safetyEnable, true);
        Enable(_policyEnable, true);
        bool Over() => Value(_episode, "seed") == seed.ToString(CultureInfo.InvariantCulture)
            && (Value(_episode, "success") == "true" || _episode!.Message == "timed out");
        if (!Spin(Over, TimeSpan.FromSeconds(_timeLimit + 60)))
        {
            throw new CliError($"episode {seed} neither succeeded nor timed out in {_timeLimit + 60:0} s of wall time\n{NodeOutput}");
        }

        _trace = null;
        bool success = Value(_episode, "success") == "true";
        double successTime = success ? double.Parse(Value(_episode, "success_time"), CultureInfo.InvariantCulture) : double.NaN;
        double distance = double.Parse(Value(_episode, "tool_distance"), CultureInfo.InvariantCulture);
        bool reachedInstructed = _ablation == EvaluationAblation.OtherColorInstruction ? _closestToInstructed <= ReachTask.SuccessRadius : success;
        return (new EpisodeOutcome(seed, scene.Target.Color.Name, instruction, success, successTime, distance, reachedInstructed), before, Counters());
    }

    private EvaluationCounters Counters() => new()
    {
        Interventions = _safety?.Values.Where(v => v.Key.StartsWith("interventions.", StringComparison.Ordinal))
            .ToDictionary(v => v.Key["interventions.".Length..], v => Long(v.Value)) ?? [],
        WatchdogStops = Long(Value(_safety, "watchdog_stops")),
        RejectedCommands = Long(Value(_safety, "rejected_commands")),
        StaleSteps = Long(Value(_policy, "stale_steps")),
        OverBudget = Long(Value(_policy, "over_budget")),
        Inferences = Long(Value(_policy, "inferences")),
        InferenceP50Ms = Value(_policy, "inference_latency_p50_ms"),
        InferenceP99Ms = Value(_policy, "inference_latency_p99_ms"),
    };

    public void Dispose()
    {
        _executor.Dispose();
        _simParameters.Dispose();
        _node.Dispose();
        _context.Dispose();
        _launch.Interrupt(TimeSpan.FromSeconds(15));
        _launch.Dispose();
    }

    private static string Absolute(string topic) => topic.StartsWith('/') ? topic : "/" + topic;

    private static long Long(string text) => long.TryParse(text, CultureInfo.InvariantCulture, out long v) ? v : 0;

    private static string Value(DiagnosticStatus? status, string key) => status?.Values.FirstOrDefault(v => v.Key == key)?.Value ?? string.Empty;

    private void Enable(ServiceClient<SetBool.Request, SetBool.Response> client, bool on)
    {
        SetBool.Response response = Await(client.CallAsync(new SetBool.Request { Data = on }, Call));
        if (!response.Success)
        {
            throw new CliError($"enable {on}: {response.Message}");
        }
    }

    private void OnJointState(JointState m)
    {
        if (_ablation != EvaluationAblation.OtherColorInstruction || _episode is null)
        {
            return;
        }

        Span<double> positions = stackalloc double[_armJoints.Length];
        for (int i = 0; i < _armJoints.Length; i++)
        {
            int at = Array.IndexOf(m.Name, _armJoints[i]);
            positions[i] = at >= 0 && at < m.Position.Length ? m.Position[at] : 0;
        }

        _arm.Reset(positions);
        _closestToInstructed = Math.Min(_closestToInstructed, (_arm.LinkPose(_toolLink).Translation - _instructedGoal).Length);
    }

    private void Record(List<(double Time, double[] Positions)>? into, string[] names, double[] positions)
    {
        if (into is null)
        {
            return;
        }

        double[] row = new double[EpisodeTrace.Joints];
        for (int j = 0; j < row.Length && j < _card.Actions.Joints.Count; j++)
        {
            int at = Array.IndexOf(names, _card.Actions.Joints[j]);
            row[j] = at >= 0 && at < positions.Length ? positions[at] : double.NaN;
        }

        into.Add((_clock.Elapsed.TotalSeconds - _episodeStart, row));
    }

    private void OnFrame(Image m, Publisher<Image>? blank, bool first)
    {
        // A frame a moment after the reset, so it shows the new scene.
        if (first && _trace is { Frame: null } trace && m.Encoding == "rgb8" && _clock.Elapsed.TotalSeconds - _episodeStart > 0.2)
        {
            trace.Frame = [.. m.Data];
            trace.FrameWidth = (int)m.Width;
            trace.FrameHeight = (int)m.Height;
        }

        if (blank is not null)
        {
            // The same frame (size, stamp, encoding) with every pixel black, sent on in place.
            Array.Clear(m.Data);
            blank.Publish(m);
        }
    }

    /// <summary>Where <paramref name="point"/> (base frame) appears in the default front camera, pixels.</summary>
    private (double U, double V) FrontCameraPixel(Vector3d point)
    {
        if (_card.Cameras.Count == 0 || Absolute(_card.Cameras[0].Topic) != FrontCamera)
        {
            return (double.NaN, double.NaN);
        }

        var camera = new SimCamera(CameraSpec.FrontCamera, _arm.Model);
        Vector3d p = camera.OpticalPose(_arm.LinkPoses).Inverse().TransformPoint(point);
        if (p.Z <= 0)
        {
            return (double.NaN, double.NaN);
        }

        var k = CameraSpec.FrontCamera.Intrinsics;
        return ((k.Fx * p.X / p.Z) + k.Cx, (k.Fy * p.Y / p.Z) + k.Cy);
    }

    private bool Spin(Func<bool> until, TimeSpan timeout)
    {
        DateTime end = DateTime.UtcNow + timeout;
        while (!until())
        {
            if (DateTime.UtcNow >= end || _launch.HasExited)
            {
                return until();
            }

            _executor.SpinOnce(TimeSpan.FromMilliseconds(50));
        }

        return true;
    }

    private T Await<T>(Task<T> task)
    {
        while (!task.IsCompleted)
        {
            _executor.SpinOnce(TimeSpan.FromMilliseconds(20));
        }

        return task.GetAwaiter().GetResult();
    }
}
