using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Client.Time;
using PhysicalAI.Ros.Interfaces.DiagnosticMsgs.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdSrvs.Srv;
using PhysicalAI.Ros.Interfaces.Tf2Msgs.Msg;
using PhysicalAI.Ros.Interfaces.TrajectoryMsgs.Msg;
using PhysicalAI.Sim;
using ClockMsg = PhysicalAI.Ros.Interfaces.RosgraphMsgs.Msg.Clock;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Nodes.Sim;

/// <summary>
/// <c>sim_arm</c>: the simulated arm and its cameras, behaving on its topics like a real arm driver
/// (ros2_control with forward position and joint trajectory controllers, joint_state_broadcaster),
/// robot_state_publisher and a camera driver, plus the reach task's episodes.
/// </summary>
/// <remarks>
/// Simulated time advances with the wall clock (times <c>real_time_factor</c> when <c>/clock</c> is
/// published) in fixed physics steps; every publishing timer first brings the simulation up to now, so
/// the state it publishes is the state at its stamp whichever timer runs first. Everything runs on the
/// executor's one thread: commands, timers and the reset service never race.
/// </remarks>
public sealed class SimArmNode
{
    private const double EpisodeReportRate = 5;

    // A stalled process (debugger, swap) must not make the next tick simulate minutes of backlog.
    private const double MaxCatchUp = 0.25;

    private readonly Node _node;
    private readonly SimArmSettings _settings;
    private readonly SimulatedArm _arm;
    private readonly ArmCommands _commands;
    private readonly CameraStream[] _cameras;
    private readonly RobotTransforms _transforms;
    private readonly EpisodeReport _report;
    private readonly Publisher<JointState> _jointStatePublisher;
    private readonly Publisher<TFMessage> _tfPublisher;
    private readonly Publisher<RosString> _instructionPublisher;
    private readonly Publisher<DiagnosticArray> _episodePublisher;
    private readonly Publisher<ClockMsg>? _clockPublisher;
    private readonly JointState _jointState;
    private readonly ClockMsg _clock = new();
    private readonly RosString _instruction = new();
    private readonly Stopwatch _wall = new();
    private readonly double _physicsStep;
    private readonly double _realTimeFactor;
    private double _simTime;
    private Episode _episode = null!;
    private SceneShapes _shapes = null!;
    private bool _announcedEnd;

    private SimArmNode(RosContext context)
    {
        _node = new Node(context, "sim_arm");
        _settings = SimArmSettings.Read(_node);
        foreach (string warning in _settings.Robot.Warnings)
        {
            _node.Logger.LogWarning("{Warning}", warning);
        }

        _physicsStep = 1.0 / _settings.PhysicsRate;
        _realTimeFactor = _settings.PublishClock ? _settings.RealTimeFactor : 1.0;
        if (!_settings.PublishClock && _settings.RealTimeFactor != 1.0)
        {
            _node.Logger.LogWarning("real_time_factor {Factor} is ignored: without publish_clock the simulation runs in real time", _settings.RealTimeFactor);
        }

        _arm = new SimulatedArm(_settings.Robot);
        _commands = new ArmCommands(_arm, _node.Logger);
        _cameras = [.. _settings.Cameras.Select(spec => new CameraStream(_node, new SimCamera(spec, _settings.Robot)))];
        _transforms = new RobotTransforms(_settings.Robot, _cameras.Select(c => c.Camera));
        _report = new EpisodeReport(_settings.Robot.Name);
        _jointState = new JointState
        {
            Name = [.. _settings.Robot.ActuatedJointNames],
            Position = new double[_settings.Robot.ActuatedJoints.Count],
            Velocity = new double[_settings.Robot.ActuatedJoints.Count],
            Effort = [],
        };

        QosProfile latched = QosProfiles.Default.KeepLast(1).TransientLocal();
        _jointStatePublisher = _node.CreatePublisher<JointState>("joint_states");
        _tfPublisher = _node.CreatePublisher<TFMessage>("/tf", QosProfiles.Default.KeepLast(100));
        Publisher<TFMessage> tfStatic = _node.CreatePublisher<TFMessage>("/tf_static", latched);
        Publisher<RosString> description = _node.CreatePublisher<RosString>("robot_description", latched);
        _instructionPublisher = _node.CreatePublisher<RosString>("instruction", latched);
        _episodePublisher = _node.CreatePublisher<DiagnosticArray>("~/episode");
        if (_settings.PublishClock)
        {
            _clockPublisher = _node.CreatePublisher<ClockMsg>("/clock", QosProfiles.Clock.AsReliable());
        }

        string positionsTopic = _node.ResolveTopicName("forward_position_controller/commands");
        string trajectoryTopic = _node.ResolveTopicName("joint_trajectory_controller/joint_trajectory");
        string jointCommandsTopic = _node.ResolveTopicName("joint_commands");
        var reuse = new SubscriptionOptions { ReuseMessage = true };
        _node.CreateSubscription<Float64MultiArray>(positionsTopic, m => { AdvanceToNow(); _commands.OnPositions(positionsTopic, m); }, options: reuse);
        _node.CreateSubscription<JointState>(jointCommandsTopic, m => { AdvanceToNow(); _commands.OnJointState(jointCommandsTopic, m); }, options: reuse);
        _node.CreateSubscription<JointTrajectory>(trajectoryTopic, m =>
        {
            AdvanceToNow();
            bool stamped = m.Header.Stamp.Sec != 0 || m.Header.Stamp.Nanosec != 0;
            double delay = stamped ? (RosTime.FromMessage(m.Header.Stamp) - Stamp()).TotalSeconds : 0;
            _commands.OnTrajectory(trajectoryTopic, m, _simTime, delay);
        });
        _node.CreateService<Trigger.Request, Trigger.Response>("~/reset", _ => Reset());
        _node.DeclareParameter("next_seed", -1L, new ParameterDescriptor
        {
            Description = "The seed the next ~/reset starts (then back to -1); -1 for the seed after the current one",
            IntegerRange = new IntegerRange(-1, int.MaxValue / 2),
        });

        StartEpisode(_settings.Seed);
        RosTime now = Stamp();
        _transforms.StampStatic(now);
        tfStatic.Publish(_transforms.Static);
        description.Publish(new RosString { Data = _settings.RobotDescription });

        _node.CreateWallTimer(WallPeriod(_settings.PublishRate), PublishState);
        foreach (CameraStream camera in _cameras)
        {
            _node.CreateWallTimer(WallPeriod(camera.Camera.Spec.Rate), () => PublishFrame(camera));
        }

        _node.CreateWallTimer(TimeSpan.FromSeconds(1 / EpisodeReportRate), PublishEpisode);
        _node.Logger.LogInformation(
            "Simulating {Robot} ({Joints} joints: {Names}); cameras: {Cameras}; joint states at {Rate} Hz{Clock}",
            _settings.Robot.Name,
            _settings.Robot.ActuatedJoints.Count,
            string.Join(", ", _settings.Robot.ActuatedJointNames),
            _cameras.Length == 0 ? "none" : string.Join(", ", _cameras.Select(c => $"{c.Camera.Spec.Name} {c.Camera.Spec.Width}x{c.Camera.Spec.Height} at {c.Camera.Spec.Rate} Hz")),
            _settings.PublishRate,
            _settings.PublishClock ? $"; /clock at {_realTimeFactor}x real time" : string.Empty);

        // Simulated time starts now, with everything in place, rather than during the set-up above.
        _wall.Start();
    }

    /// <summary>Executable entry point.</summary>
    public static int Run(string[] args) => NodeHost.Run(args, context => new SimArmNode(context)._node);

    private TimeSpan WallPeriod(double simulatedRate) => TimeSpan.FromSeconds(1 / (simulatedRate * _realTimeFactor));

    /// <summary>Stamps are simulated time when the node publishes <c>/clock</c>, the ROS clock otherwise.</summary>
    private RosTime Stamp() => _settings.PublishClock ? RosTime.FromSeconds(_simTime) : _node.Now();

    private void AdvanceToNow()
    {
        double target = _wall.Elapsed.TotalSeconds * _realTimeFactor;
        if (target - _simTime > MaxCatchUp)
        {
            if (_node.Logger.IsEnabled(LogLevel.Debug))
            {
                _node.Logger.LogDebug("Simulation fell {Behind:0.000} s behind; skipping ahead", target - _simTime - MaxCatchUp);
            }

            _simTime = target - MaxCatchUp;
        }

        while (_simTime + _physicsStep <= target)
        {
            _commands.Sample(_simTime);
            _episode.Step(_physicsStep);
            _simTime += _physicsStep;
        }
    }

    private void PublishState()
    {
        AdvanceToNow();
        RosTime stamp = Stamp();
        if (_clockPublisher is not null)
        {
            // The clock first, so a node on simulated time never receives a state stamped ahead of its clock.
            stamp.CopyTo(_clock.Clock_);
            _clockPublisher.Publish(_clock);
        }

        stamp.CopyTo(_jointState.Header.Stamp);
        for (int i = 0; i < _jointState.Position.Length; i++)
        {
            _jointState.Position[i] = _arm.Servos[i].Position;
            _jointState.Velocity[i] = _arm.Servos[i].Velocity;
        }

        _jointStatePublisher.Publish(_jointState);
        _transforms.Update(_arm.LinkPoses, stamp);
        _tfPublisher.Publish(_transforms.Dynamic);
    }

    private void PublishFrame(CameraStream camera)
    {
        AdvanceToNow();
        _shapes.Update(_arm.LinkPoses);
        camera.Publish(_shapes, _arm.LinkPoses, Stamp());
    }

    private void PublishEpisode()
    {
        AdvanceToNow();
        (bool succeeded, bool timedOut) = EpisodeReport.Outcome(_episode, _settings.EpisodeTimeout);
        if (!_announcedEnd && (succeeded || timedOut))
        {
            _announcedEnd = true;
            if (succeeded)
            {
                _node.Logger.LogInformation("Episode {Seed} succeeded after {Time:0.00} s: {Instruction}", _episode.Scene.Seed, _episode.SuccessTime, _episode.Scene.Instruction);
            }
            else
            {
                _node.Logger.LogWarning("Episode {Seed} timed out after {Timeout} s, tool {Distance:0.000} m from the goal: {Instruction}", _episode.Scene.Seed, _settings.EpisodeTimeout, _episode.ToolDistance, _episode.Scene.Instruction);
            }
        }

        _report.Update(_episode, _settings.EpisodeTimeout, Stamp());
        _episodePublisher.Publish(_report.Message);
    }

    private Trigger.Response Reset()
    {
        AdvanceToNow();
        long next = _node.GetParameter<long>("next_seed");
        StartEpisode(next >= 0 ? (int)next : _episode.Scene.Seed + 1);
        if (next >= 0)
        {
            _node.SetParameter("next_seed", -1L);
        }

        return new Trigger.Response { Success = true, Message = $"seed {_episode.Scene.Seed}: {_episode.Scene.Instruction}" };
    }

    private void StartEpisode(int seed)
    {
        Scene scene = new SceneLayout().Generate(seed);
        _episode = new Episode(_arm, scene, _settings.Home, _settings.ToolLink);
        _report.Start(scene);
        _commands.Hold(_settings.Home);
        _shapes = new SceneShapes(scene, _settings.Robot);
        _announcedEnd = false;
        _instruction.Data = scene.Instruction;
        _instructionPublisher.Publish(_instruction);
        PublishEpisode();
        _node.Logger.LogInformation("Episode {Seed}: {Instruction}", seed, scene.Instruction);
    }
}
