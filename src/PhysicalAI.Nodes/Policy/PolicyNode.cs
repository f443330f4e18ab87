using System.Globalization;
using Microsoft.Extensions.Logging;
using PhysicalAI.Policy;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Policy.Inference;
using PhysicalAI.Policy.Loop;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Client.Time;
using PhysicalAI.Ros.Interfaces.DiagnosticMsgs.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdSrvs.Srv;
using PhysicalAI.Ros.Interfaces.TrajectoryMsgs.Msg;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Nodes.Policy;

/// <summary>
/// <c>policy_node</c>: runs the ONNX policy its card describes. Camera frames (the card's topics),
/// <c>/joint_states</c> and <c>/instruction</c> in; <c>~/command</c> out for the safety controller, one
/// setpoint per control step (or the queued chunk as a trajectory); <c>~/enable</c> pauses; /diagnostics
/// reports inference latency, queue depth, over-budget inferences and stale steps. The work is
/// <see cref="PolicyLoop"/>'s; this class wires it to topics, parameters and services.
/// </summary>
public sealed class PolicyNode : IDisposable
{
    private static readonly TimeSpan StaleWarningInterval = TimeSpan.FromSeconds(5);

    private readonly Node _node;
    private readonly PolicyNodeSettings _settings;
    private readonly PolicyCard _card;
    private readonly PolicyLoop _loop;
    private readonly RejectionLog _rejections;
    private readonly double[] _state, _action, _queued;
    private readonly LatencyWindow _cameraToCommand = new();
    private readonly DiagnosticArray _diagnostics = new();
    private readonly Publisher<DiagnosticArray> _diagnosticsPublisher;
    private readonly Action<ReadOnlySpan<double>, bool> _publish;
    private ControlTick _last = ControlTick.Empty;
    private long _commands, _overBudgetReported, _failuresReported;
    private RosTime _lastStaleWarning;

    private PolicyNode(RosContext context)
    {
        _node = new Node(context, "policy_node");
        _settings = PolicyNodeSettings.Read(_node);
        _rejections = new RejectionLog(_node.Logger, "Message");
        PolicyRuntime runtime;
        try
        {
            _card = PolicyCardLoader.Load(_settings.CardFile);
        }
        catch (PolicyModelException e)
        {
            throw new InvalidParameterValueException($"parameter 'policy_card': {e.Message}");
        }

        try
        {
            runtime = PolicyRuntime.Load(_card, _settings.Runtime);
        }
        catch (PolicyModelException e)
        {
            // The model files, their match with the card, or the execution provider.
            throw new InvalidParameterValueException($"cannot run the policy of {_settings.CardFile}: {e.Message}");
        }

        double budget = _settings.InferenceBudget > 0 ? _settings.InferenceBudget : Math.Max(1, _card.Actions.RefillThreshold) / _card.ControlRate;
        _loop = new PolicyLoop(runtime, () => _node.Now().TotalSeconds, budget);
        _state = new double[_card.State.Joints.Count];
        _action = new double[_card.Actions.Joints.Count];
        _queued = new double[_card.Actions.Horizon * _card.Actions.Joints.Count];

        string instruction = _node.DeclareParameter("instruction", string.Empty, new ParameterDescriptor { Description = "The instruction (like one on /instruction); setting it flushes the queue" });
        _node.Parameters.Changed += change =>
        {
            foreach (Parameter p in change.Changed.Where(p => p.Name == "instruction" && p.Value.Value is string { Length: > 0 }))
            {
                SetInstruction((string)p.Value.Value!, "parameter");
            }
        };

        var reuse = new SubscriptionOptions { ReuseMessage = true };
        for (int c = 0; c < _card.Cameras.Count; c++)
        {
            int camera = c;
            string topic = _node.ResolveTopicName(_card.Cameras[c].Topic);
            _node.CreateSubscription<Image>(topic, m => OnImage(camera, topic, m), QosProfiles.SensorData, reuse);
        }

        _node.CreateSubscription<JointState>("/joint_states", OnJointState, QosProfiles.Default, reuse);
        // Transient local, as sim_arm latches the episode's instruction and `ros2 topic pub` offers by default.
        _node.CreateSubscription<RosString>("/instruction", m => SetInstruction(m.Data, "/instruction"), QosProfiles.Default.KeepLast(1).TransientLocal());
        _node.CreateService<SetBool.Request, SetBool.Response>("~/enable", request =>
        {
            _loop.Enabled = request.Data;
            _node.Logger.LogInformation(request.Data ? "Enabled: commanding" : "Paused: no inference, no commands");
            return new SetBool.Response { Success = true, Message = request.Data ? "enabled" : "paused" };
        });

        _publish = _settings.TrajectoryOutput ? TrajectoryOutput() : SetpointOutput();
        _diagnosticsPublisher = _node.CreatePublisher<DiagnosticArray>("/diagnostics");
        _diagnostics.Status = [new DiagnosticStatus { Name = $"{_node.Name}: policy", HardwareId = _card.Name, Values = [.. DiagnosticKeys.Select(k => new KeyValue { Key = k })] }];

        if (instruction.Length > 0)
        {
            SetInstruction(instruction, "parameter");
        }

        var warmup = System.Diagnostics.Stopwatch.StartNew();
        _loop.WarmUp(_settings.WarmupRuns);
        _loop.Enabled = _settings.StartEnabled;
        _loop.Start();
        _node.CreateTimer(TimeSpan.FromSeconds(1 / _card.ControlRate), ControlStep);
        _node.CreateWallTimer(TimeSpan.FromSeconds(1 / _settings.DiagnosticsRate), PublishDiagnostics);
        _node.Logger.LogInformation(
            "Policy '{Name}' ({Graphs}) from {Card}: {Cameras}; {Rate} Hz, chunks of {Horizon}, {Blending}; warm-up {Runs} runs in {Warmup:0} ms; budget {Budget:0.0} ms; {Output} on {Topic}",
            _card.Name,
            _card.Graphs.Denoiser is null ? "one graph" : $"encoder + {_card.Graphs.Steps} {_card.Graphs.Method} steps",
            _settings.CardFile,
            string.Join(", ", _card.Cameras.Select(c => $"{_node.ResolveTopicName(c.Topic)} {c.Image.Width}x{c.Image.Height}")),
            _card.ControlRate,
            _card.Actions.Horizon,
            _card.Actions.Blending,
            _settings.WarmupRuns,
            warmup.Elapsed.TotalMilliseconds,
            budget * 1000,
            _settings.TrajectoryOutput ? "trajectories" : "setpoints",
            _node.ResolveTopicName("~/command"));
    }

    /// <summary>Executable entry point.</summary>
    public static int Run(string[] args) => NodeHost.Run(args, context => new PolicyNode(context), n => n._node);

    /// <summary>Stops inference before the node's entities go.</summary>
    public void Dispose()
    {
        _loop.Dispose();
        _node.Dispose();
    }

    private static Ros.Interfaces.BuiltinInterfaces.Msg.Duration Duration(double seconds)
    {
        long ns = (long)Math.Round(seconds * 1e9);
        return new() { Sec = (int)(ns / 1_000_000_000), Nanosec = (uint)(ns % 1_000_000_000) };
    }

    private void SetInstruction(string instruction, string source)
    {
        if (instruction == _loop.Instruction)
        {
            return;
        }

        _loop.SetInstruction(instruction);
        _node.Logger.LogInformation("Instruction from {Source}: \"{Instruction}\" (queue flushed)", source, instruction);
    }

    private void OnImage(int camera, string topic, Image m)
    {
        if (!PixelEncodings.TryParse(m.Encoding, out PixelEncoding encoding))
        {
            if (_rejections.ShouldLog(topic))
            {
                _rejections.Log(topic, $"encoding '{m.Encoding}' is not supported; publish rgb8, bgr8, rgba8, bgra8 or mono8");
            }

            return;
        }

        long rowBytes = (long)m.Width * PixelEncodings.BytesPerPixel(encoding);
        if (m.Width == 0 || m.Height == 0 || m.Step < rowBytes || (long)m.Step * m.Height > m.Data.Length)
        {
            if (_rejections.ShouldLog(topic))
            {
                _rejections.Log(topic, $"a {m.Width}x{m.Height} {m.Encoding} image with step {m.Step} needs {(long)m.Step * m.Height} bytes of data (at least {rowBytes} per row); it has {m.Data.Length}");
            }

            return;
        }

        _loop.OnImage(camera, m.Data, (int)m.Width, (int)m.Height, (int)m.Step, encoding, Stamp(m.Header.Stamp));
    }

    private void OnJointState(JointState m)
    {
        // Matched by name every message (publishers may reorder); a handful of string compares, no allocation.
        for (int i = 0; i < _state.Length; i++)
        {
            int at = Array.IndexOf(m.Name, _card.State.Joints[i]);
            if (at < 0 || at >= m.Position.Length)
            {
                // The text is built only when it is logged: a flood of bad messages costs a counter.
                if (_rejections.ShouldLog("/joint_states"))
                {
                    _rejections.Log("/joint_states", $"joint '{_card.State.Joints[i]}', which the policy observes, is not in the message (it has {string.Join(", ", m.Name)})");
                }

                return;
            }

            _state[i] = m.Position[at];
        }

        _loop.OnJointState(_state, Stamp(m.Header.Stamp));
    }

    /// <summary>A message's stamp in seconds; unstamped messages count as received now.</summary>
    private double Stamp(Ros.Interfaces.BuiltinInterfaces.Msg.Time stamp) =>
        stamp.Sec == 0 && stamp.Nanosec == 0 ? _node.Now().TotalSeconds : RosTime.FromMessage(stamp).TotalSeconds;

    private void ControlStep()
    {
        ControlTick tick = _loop.Tick(_action, out double observationStamp);
        if (tick == ControlTick.Command)
        {
            _commands++;
            _publish(_action, !double.IsNaN(observationStamp));
            if (!double.IsNaN(observationStamp))
            {
                _cameraToCommand.Record(_node.Now().TotalSeconds - observationStamp);
            }
        }

        if (tick != _last || (tick == ControlTick.Stale && _node.Now() - _lastStaleWarning > StaleWarningInterval))
        {
            ReportChange(tick);
            _last = tick;
        }
    }

    private void ReportChange(ControlTick tick)
    {
        switch (tick)
        {
            case ControlTick.Stale:
                StaleInput stale = _loop.LastStale;
                string what = stale.IsJointState ? "/joint_states" : _node.ResolveTopicName(_card.Cameras[stale.Camera].Topic);
                _node.Logger.LogWarning(
                    "No command: {Input} {Age} (limit {Limit:0.###} s); no inference until it is fresh",
                    what,
                    double.IsPositiveInfinity(stale.Age) ? "has not arrived" : $"is {stale.Age:0.###} s old",
                    stale.MaxAge);
                _lastStaleWarning = _node.Now();
                break;
            case ControlTick.NoInstruction:
                _node.Logger.LogInformation("Waiting for an instruction on /instruction (or the 'instruction' parameter)");
                break;
            case ControlTick.Command when _last is ControlTick.Stale or ControlTick.Empty or ControlTick.NoInstruction:
                _node.Logger.LogInformation("Commanding on {Topic}", _node.ResolveTopicName("~/command"));
                break;
        }
    }

    private Action<ReadOnlySpan<double>, bool> SetpointOutput()
    {
        Publisher<JointState> publisher = _node.CreatePublisher<JointState>("~/command");
        var message = new JointState { Name = [.. _card.Actions.Joints], Position = new double[_card.Actions.Joints.Count], Velocity = [], Effort = [] };
        return (action, _) =>
        {
            _node.Now().CopyTo(message.Header.Stamp);
            action.CopyTo(message.Position);
            publisher.Publish(message);
        };
    }

    private Action<ReadOnlySpan<double>, bool> TrajectoryOutput()
    {
        Publisher<JointTrajectory> publisher = _node.CreatePublisher<JointTrajectory>("~/command");
        int joints = _card.Actions.Joints.Count;
        double period = 1 / _card.ControlRate;
        // One message per possible length, made on first use: the chunk in the queue shrinks as steps pass.
        var messages = new JointTrajectory?[_card.Actions.Horizon + 2];
        return (action, freshChunk) =>
        {
            if (!freshChunk)
            {
                return;
            }

            int rows = _loop.CopyQueued(_queued) + 1;
            JointTrajectory message = messages[rows] ??= new JointTrajectory
            {
                JointNames = [.. _card.Actions.Joints],
                Points = [.. Enumerable.Range(0, rows).Select(k => new JointTrajectoryPoint
                {
                    Positions = new double[joints],
                    TimeFromStart = Duration((k + 1) * period),
                })],
            };
            _node.Now().CopyTo(message.Header.Stamp);
            action.CopyTo(message.Points[0].Positions);
            for (int k = 1; k < rows; k++)
            {
                _queued.AsSpan((k - 1) * joints, joints).CopyTo(message.Points[k].Positions);
            }

            publisher.Publish(message);
        };
    }

    private void PublishDiagnostics()
    {
        DiagnosticStatus status = _diagnostics.Status[0];
        _node.Now().CopyTo(_diagnostics.Header.Stamp);
        long overBudget = _loop.OverBudget, failures = _loop.Failures;
        if (overBudget > _overBudgetReported)
        {
            _node.Logger.LogWarning("{Count} inference(s) over the {Budget:0.0} ms budget; p99 {P99:0.0} ms", overBudget - _overBudgetReported, _loop.InferenceBudget * 1000, _loop.Latency.Quantile(0.99) * 1000);
            _overBudgetReported = overBudget;
        }

        if (failures > _failuresReported)
        {
            _node.Logger.LogError("{Count} inference(s) failed: {Reason}", failures - _failuresReported, _loop.LastFailure?.Message);
            _failuresReported = failures;
        }

        status.Level = _last switch
        {
            ControlTick.Command => DiagnosticStatus.OK,
            ControlTick.Stale => DiagnosticStatus.ERROR,
            _ => DiagnosticStatus.WARN,
        };
        status.Message = TickName(_last);
        KeyValue[] values = status.Values;
        int at = 0;
        values[at++].Value = TickName(_last);
        values[at++].Value = _loop.Instruction ?? string.Empty;
        values[at++].Value = Text(_loop.Inferences);
        values[at++].Value = Text(_loop.Latency.Quantile(0.5) * 1000);
        values[at++].Value = Text(_loop.Latency.Quantile(0.99) * 1000);
        values[at++].Value = Text(_loop.InferenceBudget * 1000);
        values[at++].Value = Text(overBudget);
        values[at++].Value = Text(_loop.QueueDepth);
        values[at++].Value = Text(_loop.StaleSteps);
        values[at++].Value = Text(_loop.DiscardedChunks);
        values[at++].Value = Text(failures);
        values[at++].Value = Text(_commands);
        values[at++].Value = Text(_cameraToCommand.Quantile(0.5) * 1000);
        values[at].Value = Text(_cameraToCommand.Quantile(0.99) * 1000);
        _diagnosticsPublisher.Publish(_diagnostics);
    }

    /// <summary>The keys of the diagnostics report, in order.</summary>
    private static IReadOnlyList<string> DiagnosticKeys { get; } =
    [
        "state", "instruction", "inferences", "inference_latency_p50_ms", "inference_latency_p99_ms", "inference_budget_ms",
        "over_budget", "queue_depth", "stale_steps", "discarded_chunks", "failures", "commands",
        "camera_to_command_p50_ms", "camera_to_command_p99_ms",
    ];

    private static string TickName(ControlTick tick) => tick switch
    {
        ControlTick.Command => "commanding",
        ControlTick.Disabled => "paused",
        ControlTick.NoInstruction => "waiting_for_instruction",
        ControlTick.Stale => "stale_observation",
        _ => "waiting_for_chunk",
    };

    private static string Text(double value) => double.IsNaN(value) ? "nan" : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
