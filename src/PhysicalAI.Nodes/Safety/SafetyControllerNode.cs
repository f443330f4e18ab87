using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Extensions.Logging;
using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.ControlMsgs.Msg;
using PhysicalAI.Ros.Interfaces.DiagnosticMsgs.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdSrvs.Srv;
using PhysicalAI.Ros.Interfaces.TrajectoryMsgs.Msg;
using PhysicalAI.Safety;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Nodes.Safety;

/// <summary>
/// <c>safety_controller</c>: the only node that commands the robot. It wires <see cref="SafetyController"/>
/// to topics, services and parameters: joint states, policy and teleop commands in, the limited setpoint
/// out on the robot's command topic at the control rate, e-stop / enable / reset, and diagnostics.
/// </summary>
/// <remarks>
/// The limits come from a URDF (parameter) or, by default, the first usable <c>/robot_description</c>; until
/// then nothing is commanded. Everything runs on the executor's one thread, so the controller needs no locks.
/// </remarks>
public sealed class SafetyControllerNode
{
    private readonly Node _node;
    private readonly SafetyControllerSettings _settings;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly RejectionLog _rejections;
    private readonly CyclePeriodStats _periods = new();
    private SafetyController? _controller;
    private Action? _publishCommand;
    private Publisher<DiagnosticArray>? _diagnosticsPublisher;
    private Publisher<RosString>? _statusPublisher;
    private readonly DiagnosticArray _diagnostics = new();
    private readonly RosString _status = new();
    private double[] _chunkTimes = new double[64], _chunkPositions = new double[64 * 8];
    private SafetyState _lastState;
    private CommandSource _lastSource;

    private SafetyControllerNode(RosContext context)
    {
        _node = new Node(context, "safety_controller");
        _settings = SafetyControllerSettings.Read(_node);
        _rejections = new RejectionLog(_node.Logger);
        // The descriptor's range refuses values outside 0..1; accepted ones take effect once committed.
        _node.Parameters.Changed += change =>
        {
            foreach (Parameter p in change.Changed.Where(p => p.Name == "speed_scale"))
            {
                if (_controller is not null && p.Value.Value is double scale)
                {
                    _controller.Limiter.SpeedScale = scale;
                    _node.Logger.LogInformation("Speed scale {Scale}", scale);
                }
            }
        };

        if (_settings.RobotDescriptionFile.Length > 0)
        {
            RobotModel model;
            try
            {
                model = UrdfParser.Load(_settings.RobotDescriptionFile);
            }
            catch (UrdfException e)
            {
                throw new InvalidParameterValueException(e.Message);
            }

            if (Start(model) is { } problem)
            {
                throw new InvalidParameterValueException(problem);
            }
        }
        else
        {
            _node.Logger.LogInformation("Waiting for the robot's limits on /robot_description (or set robot / robot_description_file)");
            _node.CreateSubscription<RosString>("/robot_description", message =>
            {
                if (_controller is not null)
                {
                    return;
                }

                try
                {
                    if (Start(UrdfParser.Parse(message.Data, "/robot_description")) is { } problem)
                    {
                        _node.Logger.LogError("Cannot use /robot_description: {Problem}", problem);
                    }
                }
                catch (UrdfException e)
                {
                    _node.Logger.LogError("Cannot use /robot_description: {Problem}", e.Message);
                }
            }, QosProfiles.Default.KeepLast(1).TransientLocal());
        }
    }

    /// <summary>Executable entry point.</summary>
    public static int Run(string[] args) => NodeHost.Run(args, context => new SafetyControllerNode(context)._node);

    private double Now => _clock.Elapsed.TotalSeconds;

    /// <summary>Builds the controller for <paramref name="model"/> and wires it up; returns why it cannot, or null.</summary>
    private string? Start(RobotModel model)
    {
        JointSafetyLimits[] limits;
        WorkspaceGuard? workspace = null;
        try
        {
            if (_settings.JointLimitsFile.Length > 0)
            {
                model = JointLimitsYaml.Apply(model, _settings.JointLimitsFile);
            }

            limits = [.. model.ActuatedJoints.Select(j => JointSafetyLimits.FromJoint(j, _settings.Defaults))];
            if (_settings.Workspace is { } box)
            {
                if (!model.HasLink(_settings.ToolLink))
                {
                    return $"parameter 'tool_link' is '{_settings.ToolLink}', which robot '{model.Name}' does not have";
                }

                workspace = new WorkspaceGuard(model, _settings.ToolLink, box);
            }
        }
        catch (Exception e) when (e is ArgumentException or JointLimitsException)
        {
            return e.Message;
        }

        var controller = new SafetyController(limits, _settings.Options, workspace);
        controller.Limiter.SpeedScale = _node.GetParameter<double>("speed_scale");
        _controller = controller;
        string[] names = [.. controller.JointNames];
        _chunkPositions = new double[64 * names.Length];

        _publishCommand = CreateOutput(names);
        Wire(controller);
        _diagnosticsPublisher = _node.CreatePublisher<DiagnosticArray>("/diagnostics");
        _statusPublisher = _node.CreatePublisher<RosString>("~/status", QosProfiles.Default.KeepLast(1).TransientLocal());
        _diagnostics.Status = [new DiagnosticStatus { Name = $"{_node.Name}: safety", HardwareId = model.Name, Values = [.. DiagnosticKeys.Select(k => new KeyValue { Key = k })] }];
        _node.CreateWallTimer(TimeSpan.FromSeconds(_settings.Options.Period), ControlCycle);
        _node.CreateWallTimer(TimeSpan.FromSeconds(1 / _settings.DiagnosticsRate), PublishDiagnostics);
        _node.Logger.LogInformation(
            "Guarding {Robot} ({Joints}) at {Rate} Hz; commands to {Topic} as {Output}; {Armed}; GC {Gc}, latency mode {Latency}",
            model.Name,
            string.Join(", ", names),
            1 / _settings.Options.Period,
            _node.ResolveTopicName(_settings.OutputTopic),
            _settings.Output,
            _settings.Options.StartEnabled ? "armed" : "disarmed until ~/enable",
            GCSettings.IsServerGC ? "server" : "workstation",
            GCSettings.LatencyMode);
        return null;
    }

    private void Wire(SafetyController controller)
    {
        string policyTopic = _node.ResolveTopicName("~/policy_command");
        string trajectoryTopic = _node.ResolveTopicName("~/policy_trajectory");
        string teleopTopic = _node.ResolveTopicName("~/teleop_command");
        string jogTopic = _node.ResolveTopicName("~/teleop_jog");
        var reuse = new SubscriptionOptions { ReuseMessage = true };
        _node.CreateSubscription<JointState>("/joint_states", m => Report("/joint_states", controller.OnJointState(m.Name, m.Position, Now)), QosProfiles.Default, reuse);
        _node.CreateSubscription<JointState>(policyTopic, m => Report(policyTopic, controller.OnPolicySetpoint(m.Name, m.Position, Now)), options: reuse);
        _node.CreateSubscription<JointState>(teleopTopic, m => Report(teleopTopic, controller.OnTeleopSetpoint(m.Name, m.Position, Now)), options: reuse);
        _node.CreateSubscription<JointJog>(jogTopic, m => Report(jogTopic, controller.OnTeleopJog(m.JointNames, m.Velocities, m.Displacements, Now)), options: reuse);
        _node.CreateSubscription<JointTrajectory>(trajectoryTopic, m => Report(trajectoryTopic, OnTrajectory(controller, m)), options: reuse);
        _node.CreateSubscription<Bool>("~/estop", m => SetEmergencyStop(controller, m.Data));
        _node.CreateService<SetBool.Request, SetBool.Response>("~/estop", request =>
        {
            SetEmergencyStop(controller, request.Data);
            return new SetBool.Response { Success = true, Message = request.Data ? "emergency stop engaged" : "emergency stop released; call ~/reset to resume" };
        });
        _node.CreateService<SetBool.Request, SetBool.Response>("~/enable", request =>
        {
            controller.Enable(request.Data);
            _node.Logger.LogInformation(request.Data ? "Armed" : "Disarming: controlled stop, then no more commands");
            return new SetBool.Response { Success = true, Message = request.Data ? "armed" : "disarming" };
        });
        _node.CreateService<Trigger.Request, Trigger.Response>("~/reset", _ =>
        {
            (bool success, string message) = controller.Reset();
            _node.Logger.Log(success ? LogLevel.Information : LogLevel.Warning, "Reset: {Message}", message);
            return new Trigger.Response { Success = success, Message = message };
        });
    }

    private string? OnTrajectory(SafetyController controller, JointTrajectory m)
    {
        int points = m.Points.Length, values = 0;
        if (points > _settings.Options.MaxChunkPoints)
        {
            return controller.Reject($"policy chunk rejected: the chunk has {points} points; at most {_settings.Options.MaxChunkPoints} are accepted");
        }

        foreach (JointTrajectoryPoint point in m.Points)
        {
            values += point.Positions.Length;
        }

        // Buffers grow to the largest chunk seen, then are reused.
        if (_chunkTimes.Length < points)
        {
            _chunkTimes = new double[points];
        }

        if (_chunkPositions.Length < values)
        {
            _chunkPositions = new double[values];
        }

        int at = 0;
        for (int p = 0; p < points; p++)
        {
            JointTrajectoryPoint point = m.Points[p];
            _chunkTimes[p] = point.TimeFromStart.Sec + (point.TimeFromStart.Nanosec * 1e-9);
            point.Positions.CopyTo(_chunkPositions, at);
            at += point.Positions.Length;
        }

        return controller.OnPolicyChunk(m.JointNames, _chunkTimes.AsSpan(0, points), _chunkPositions.AsSpan(0, values), Now);
    }

    private void SetEmergencyStop(SafetyController controller, bool engaged)
    {
        if (engaged != controller.IsEmergencyStopEngaged)
        {
            _node.Logger.Log(engaged ? LogLevel.Error : LogLevel.Information, engaged ? "EMERGENCY STOP engaged" : "Emergency stop released; ~/reset to resume");
        }

        controller.SetEmergencyStop(engaged);
    }

    private void Report(string topic, string? rejection)
    {
        if (rejection is not null && _rejections.ShouldLog(topic))
        {
            _rejections.Log(topic, rejection);
        }
    }

    private void ControlCycle()
    {
        _periods.Tick();
        SafetyController controller = _controller!;
        if (controller.Cycle(Now))
        {
            _publishCommand!();
        }

        if (controller.State != _lastState || controller.ActiveSource != _lastSource)
        {
            _lastState = controller.State;
            _lastSource = controller.ActiveSource;
            string line = $"{StateName(controller.State)}, source {SourceName(controller.ActiveSource)}" + (controller.Status.Fault.Length > 0 ? $": {controller.Status.Fault}" : string.Empty);
            LogLevel level = controller.State is SafetyState.Faulted or SafetyState.EmergencyStopped ? LogLevel.Error
                : controller.State == SafetyState.Stopping ? LogLevel.Warning : LogLevel.Information;
            _node.Logger.Log(level, "{Status}{Why}", line, controller.State == SafetyState.Stopping ? $" ({controller.Status.LastViolation})" : string.Empty);
            _status.Data = line;
            _statusPublisher!.Publish(_status);
        }
    }

    private Action CreateOutput(string[] names)
    {
        SafetyController controller = _controller!;
        switch (_settings.Output)
        {
            case OutputKind.JointState:
            {
                Publisher<JointState> publisher = _node.CreatePublisher<JointState>(_settings.OutputTopic);
                var message = new JointState { Name = names, Position = new double[names.Length], Velocity = new double[names.Length], Effort = [] };
                return () =>
                {
                    _node.Now().CopyTo(message.Header.Stamp);
                    ReadOnlySpan<JointMotion> motion = controller.Limiter.Motion;
                    for (int i = 0; i < names.Length; i++)
                    {
                        message.Position[i] = motion[i].Position;
                        message.Velocity[i] = motion[i].Velocity;
                    }

                    publisher.Publish(message);
                };
            }

            case OutputKind.JointTrajectory:
            {
                Publisher<JointTrajectory> publisher = _node.CreatePublisher<JointTrajectory>(_settings.OutputTopic);
                var point = new JointTrajectoryPoint { Positions = new double[names.Length], Velocities = new double[names.Length] };
                long ns = (long)(_settings.Options.Period * 1e9);
                point.TimeFromStart.Sec = (int)(ns / 1_000_000_000);
                point.TimeFromStart.Nanosec = (uint)(ns % 1_000_000_000);
                var message = new JointTrajectory { JointNames = names, Points = [point] };
                return () =>
                {
                    ReadOnlySpan<JointMotion> motion = controller.Limiter.Motion;
                    for (int i = 0; i < names.Length; i++)
                    {
                        point.Positions[i] = motion[i].Position;
                        point.Velocities[i] = motion[i].Velocity;
                    }

                    publisher.Publish(message);
                };
            }

            default:
            {
                Publisher<Float64MultiArray> publisher = _node.CreatePublisher<Float64MultiArray>(_settings.OutputTopic);
                var message = new Float64MultiArray { Data = new double[names.Length] };
                return () =>
                {
                    controller.Limiter.Positions.CopyTo(message.Data);
                    publisher.Publish(message);
                };
            }
        }
    }

    private void PublishDiagnostics()
    {
        SafetyController controller = _controller!;
        SafetyStatus s = controller.Status;
        DiagnosticStatus status = _diagnostics.Status[0];
        _node.Now().CopyTo(_diagnostics.Header.Stamp);
        status.Level = controller.State switch
        {
            SafetyState.Faulted or SafetyState.EmergencyStopped => DiagnosticStatus.ERROR,
            SafetyState.Stopping or SafetyState.Disabled or SafetyState.WaitingForState => DiagnosticStatus.WARN,
            _ => DiagnosticStatus.OK,
        };
        status.Message = $"{StateName(controller.State)}, source {SourceName(controller.ActiveSource)}";
        // The key-value pairs are made once (keys in DiagnosticKeys' order); each report refills the values.
        KeyValue[] values = status.Values;
        int at = 0;
        values[at++].Value = StateName(controller.State);
        values[at++].Value = SourceName(controller.ActiveSource);
        values[at++].Value = Text(controller.Limiter.SpeedScale);
        values[at++].Value = Text(s.Cycles);
        values[at++].Value = Text(s.RejectedCommands);
        values[at++].Value = Text(s.WatchdogStops);
        values[at++].Value = Text(s.SourceSwitches);
        foreach (Interventions kind in SafetyStatus.InterventionKinds)
        {
            values[at++].Value = Text(s.InterventionCount(kind));
        }

        values[at++].Value = s.LastViolation;
        values[at++].Value = s.LastSwitch;
        values[at++].Value = s.Fault;
        values[at++].Value = Text(_periods.Quantile(0.5));
        values[at++].Value = Text(_periods.Quantile(0.99));
        values[at++].Value = Text(Math.Round(_periods.MaxMicroseconds));
        values[at].Value = Text(_periods.Count);
        _diagnosticsPublisher!.Publish(_diagnostics);
    }

    /// <summary>The keys of the diagnostics report, in order.</summary>
    private static IReadOnlyList<string> DiagnosticKeys { get; } =
    [
        "state", "active_source", "speed_scale", "cycles", "rejected_commands", "watchdog_stops", "source_switches",
        .. SafetyStatus.InterventionKinds.Select(k => $"interventions.{InterventionName(k)}"),
        "last_violation", "last_switch", "fault",
        "cycle_period_p50_us", "cycle_period_p99_us", "cycle_period_max_us", "cycle_period_samples",
    ];

    private static string Text(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string StateName(SafetyState state) => state switch
    {
        SafetyState.WaitingForState => "waiting_for_joint_states",
        SafetyState.Disabled => "disabled",
        SafetyState.Running => "running",
        SafetyState.Stopping => "stopping",
        SafetyState.Faulted => "faulted",
        _ => "emergency_stopped",
    };

    private static string SourceName(CommandSource source) => source switch
    {
        CommandSource.Teleop => "teleop",
        CommandSource.Policy => "policy",
        _ => "hold",
    };

    private static string InterventionName(Interventions kind) => kind switch
    {
        Interventions.SoftPositionLimit => "soft_position_limit",
        Interventions.BrakingDistance => "braking_distance",
        Interventions.Velocity => "velocity",
        Interventions.Acceleration => "acceleration",
        Interventions.Jerk => "jerk",
        _ => "workspace",
    };
}
