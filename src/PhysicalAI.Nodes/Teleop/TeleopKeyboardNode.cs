using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Logging;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Client.Services;
using PhysicalAI.Ros.Interfaces.ControlMsgs.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdSrvs.Srv;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Nodes.Teleop;

/// <summary>
/// <c>teleop_keyboard</c>: jogs the arm's joints from a terminal through the safety controller. Held keys
/// become control_msgs/JointJog velocities at a fixed rate on the controller's teleop input; when keys stop
/// arriving (the deadman, <see cref="KeyboardJog"/>) one zero-velocity jog follows and the node falls silent,
/// so the controller stops the arm. Keys also change the speed, engage or release the e-stop and reset.
/// </summary>
/// <remarks>
/// Keys are read on a thread of their own (<see cref="TerminalKeys"/>); everything else, the deadman
/// included, runs on the executor's thread in the publish timer. Service replies arrive on DDS's thread and
/// only set what the status line shows.
/// </remarks>
public sealed class TeleopKeyboardNode
{
    private const string NotATerminal =
        "teleop_keyboard reads keys from a terminal, but its standard input is not a terminal: run it in a terminal " +
        "(pai run teleop_keyboard), or in a launch file give the node one with prefix: 'xterm -e'";

    private static readonly TimeSpan ServiceTimeout = TimeSpan.FromSeconds(2);

    // A disarm is a controlled stop; the arm is at rest when the reset key is pressed, so this is generous.
    private static readonly TimeSpan DisarmTimeout = TimeSpan.FromSeconds(5);

    private readonly Node _node;
    private readonly TeleopKeyboardSettings _settings;
    private readonly TeleopConsole _console;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly KeyboardJog _jog;
    private readonly TerminalKeys _keys;
    private readonly Publisher<JointJog> _publisher;
    private readonly JointJog _message = new() { JointNames = new string[1], Velocities = new double[1], Displacements = [] };
    private readonly ServiceClient<SetBool.Request, SetBool.Response> _estop;
    private readonly ServiceClient<SetBool.Request, SetBool.Response> _enable;
    private readonly ServiceClient<Trigger.Request, Trigger.Response> _reset;
    private readonly ServiceClient<Trigger.Request, Trigger.Response>? _simReset;
    private string[] _joints;
    private volatile string _safetyStatus = string.Empty;
    private volatile bool _estopEngaged;
    private volatile bool _estopPending;
    private volatile bool _resetPending;
    private bool _estopJogWarned;

    private TeleopKeyboardNode(RosContext context, TeleopConsole console)
    {
        _node = new Node(context, "teleop_keyboard");
        _console = console;
        _settings = TeleopKeyboardSettings.Read(_node);
        _jog = new KeyboardJog(_settings.MaxVelocity, _settings.SpeedScale, _settings.KeyTimeout, _settings.RepeatTimeout);
        _joints = _settings.JointNames;
        double period = 1 / _settings.Rate;
        _message.Duration = period;

        string safety = _settings.SafetyController;
        _publisher = _node.CreatePublisher<JointJog>($"{safety}/teleop_jog");
        _estop = _node.CreateClient<SetBool.Request, SetBool.Response>($"{safety}/estop");
        _reset = _node.CreateClient<Trigger.Request, Trigger.Response>($"{safety}/reset");
        _enable = _node.CreateClient<SetBool.Request, SetBool.Response>($"{safety}/enable");
        _simReset = _settings.SimArm.Length > 0 ? _node.CreateClient<Trigger.Request, Trigger.Response>($"{_settings.SimArm}/reset") : null;
        _node.CreateSubscription<RosString>($"{safety}/status", m => _safetyStatus = m.Data, QosProfiles.Default.KeepLast(1).TransientLocal());
        if (_joints.Length == 0)
        {
            _node.CreateSubscription<JointState>("/joint_states", OnJointState, options: new SubscriptionOptions { ReuseMessage = true });
        }

        _console.Print(JogKeys.Help(_joints));
        _node.Logger.LogInformation(
            "Jogs to {Topic} at {Rate} Hz; e-stop and reset through {Node}{Sim}; {Joints}",
            _publisher.TopicName,
            _settings.Rate,
            safety,
            _simReset is null ? string.Empty : $" (reset also resets {_settings.SimArm})",
            _joints.Length > 0 ? $"joints {string.Join(", ", _joints)}" : $"joints from the first message on {_node.ResolveTopicName("/joint_states")}");
        _keys = new TerminalKeys(_clock);
        _node.CreateWallTimer(TimeSpan.FromSeconds(period), Cycle);
        ShowStatus();
    }

    /// <summary>Executable entry point: exit code 1 when standard input is not a terminal, 2 on a configuration error.</summary>
    public static int Run(string[] args)
    {
        if (Console.IsInputRedirected)
        {
            Console.Error.WriteLine($"[ERROR] {NotATerminal}");
            return 1;
        }

        var console = new TeleopConsole(new RosConsoleSink());
        try
        {
            using RosContext context = RosContext.Create(args, new RosContextOptions { ConsoleSink = console });
            var teleop = new TeleopKeyboardNode(context, console);
            using Node node = teleop._node;
            using (var executor = new SingleThreadedExecutor(context))
            {
                executor.AddNode(node);
                executor.Spin();
            }

            teleop.StopJogging();
            node.Logger.LogInformation("Stopped jogging; leaving ({Reason})", context.ShutdownReason);
            return 0;
        }
        catch (Exception e) when (NodeHost.IsConfigurationError(e))
        {
            Console.Error.WriteLine($"[ERROR] {e.Message}");
            return 2;
        }
        finally
        {
            console.Close();
        }
    }

    private double Now => _clock.Elapsed.TotalSeconds;

    private void OnJointState(JointState message)
    {
        if (_joints.Length > 0 || message.Name.Length == 0)
        {
            return;
        }

        _joints = [.. message.Name.Take(JogKeys.MaxJoints)];
        _console.Print(JogKeys.Help(message.Name));
        _node.Logger.LogInformation("Joints from {Topic}: {Joints}", _node.ResolveTopicName("/joint_states"), string.Join(", ", _joints));
    }

    /// <summary>One publish period: the keys that arrived, then the deadman's verdict.</summary>
    private void Cycle()
    {
        while (_keys.TryTake(out char key, out double at))
        {
            OnKey(key, at);
        }

        if (_jog.Tick(Now) is { } output)
        {
            Publish(output);
        }

        ShowStatus();
    }

    private void OnKey(char key, double at)
    {
        KeyCommand command = JogKeys.Map(key);
        switch (command.Action)
        {
            case KeyAction.Jog when _joints.Length == 0:
                _node.Logger.LogWarning("No joints to jog yet: waiting for {Topic} (or set the joint_names parameter)", _node.ResolveTopicName("/joint_states"));
                break;
            case KeyAction.Jog when _estopEngaged || _estopPending:
                // Until the e-stop is released a jog would only queue up motion behind it; before the controller has
                // confirmed it, a repeat of the held key must not start the arm again.
                if (!_jog.IsJogging && !_estopJogWarned)
                {
                    _estopJogWarned = true;
                    _node.Logger.LogWarning("Jog keys are ignored while the e-stop is engaged: x releases it, then z resets");
                }

                break;
            case KeyAction.Jog when command.Joint >= _joints.Length:
                _node.Logger.LogWarning("Key '{Key}' jogs joint {Number}; there are {Count} joints", key, command.Joint + 1, _joints.Length);
                break;
            case KeyAction.Jog or KeyAction.Stop or KeyAction.Faster or KeyAction.Slower:
                _jog.Press(command, at);
                break;
            case KeyAction.EmergencyStop:
                _jog.Stop();
                ToggleEmergencyStop();
                break;
            case KeyAction.Reset:
                _jog.Stop();
                Reset();
                break;
            case KeyAction.Help:
                _console.Print(JogKeys.Help(_joints));
                break;
            case KeyAction.Quit:
                _jog.Stop();
                _node.Context.Shutdown(key == 'q' || key == 'Q' ? "q pressed" : "end of input");
                break;
            default:
                _node.Logger.LogWarning("Key {Key} does nothing (? shows the keys)", Describe(key));
                break;
        }
    }

    /// <summary>Ends a held jog with its zero-velocity stop (on the way out, so the arm does not wait for the controller's watchdog).</summary>
    private void StopJogging()
    {
        _jog.Stop();
        if (_jog.Tick(Now) is { } output)
        {
            Publish(output);
        }
    }

    private void Publish(JogOutput output)
    {
        _node.Now().CopyTo(_message.Header.Stamp);
        _message.JointNames[0] = _joints[output.Joint];
        _message.Velocities[0] = output.Velocity;
        _publisher.Publish(_message);
    }

    private void ToggleEmergencyStop()
    {
        if (_estopPending)
        {
            return;
        }

        bool engage = !_estopEngaged;
        _estopJogWarned = false;
        if (!Ready(_estop, engage ? "Cannot engage the e-stop" : "Cannot release the e-stop"))
        {
            return;
        }

        _estopPending = true;
        _ = Task.Run(async () =>
        {
            try
            {
                if (await Call(_estop, new SetBool.Request { Data = engage }, r => (r.Success, r.Message)).ConfigureAwait(false))
                {
                    _estopEngaged = engage;
                }
            }
            finally
            {
                // Whatever the call did, jog keys must not stay ignored.
                _estopPending = false;
            }
        });
    }

    private void Reset()
    {
        if (_resetPending)
        {
            return;
        }

        if (!Ready(_reset, "Cannot reset the safety controller") || (_simReset is not null && !Ready(_simReset, "Cannot reset the simulated arm")))
        {
            return;
        }

        _resetPending = true;
        _ = Task.Run(async () =>
        {
            try
            {
                // An e-stop holds the controller armed until it is cleared: this press clears it, the next resets the arm.
                if (_simReset is not null && !_safetyStatus.StartsWith("emergency_stopped", StringComparison.Ordinal))
                {
                    await ResetSimulatedArm(_simReset).ConfigureAwait(false);
                }

                await Call(_reset, new Trigger.Request(), r => (r.Success, r.Message)).ConfigureAwait(false);
            }
            finally
            {
                _resetPending = false;
            }
        });
    }

    /// <summary>
    /// Starts the simulated arm's next episode, which puts the arm back at home. An armed controller would
    /// take the jump for a feedback fault and keep its old setpoint, so it is disarmed first (it stops under
    /// control, then stops commanding) and armed again afterwards, which makes it start from where the arm is.
    /// </summary>
    private async Task ResetSimulatedArm(ServiceClient<Trigger.Request, Trigger.Response> simReset)
    {
        string status = _safetyStatus;
        if (status.Length == 0)
        {
            _node.Logger.LogError("No status from {Topic} yet, so whether it is armed is unknown; the simulated arm was not reset", _node.ResolveTopicName($"{_settings.SafetyController}/status"));
            return;
        }

        bool armed = !status.StartsWith("disabled", StringComparison.Ordinal) && !status.StartsWith("waiting", StringComparison.Ordinal);
        if (armed)
        {
            if (!await Call(_enable, new SetBool.Request { Data = false }, r => (r.Success, r.Message)).ConfigureAwait(false))
            {
                return;
            }

            var waited = Stopwatch.StartNew();
            while (!_safetyStatus.StartsWith("disabled", StringComparison.Ordinal))
            {
                if (waited.Elapsed > DisarmTimeout)
                {
                    _node.Logger.LogError(
                        "The safety controller did not disarm within {Timeout} s (status: {Status}); the simulated arm was not reset", DisarmTimeout.TotalSeconds, _safetyStatus);
                    return;
                }

                await Task.Delay(20).ConfigureAwait(false);
            }
        }

        await Call(simReset, new Trigger.Request(), r => (r.Success, r.Message)).ConfigureAwait(false);
        if (armed)
        {
            await Call(_enable, new SetBool.Request { Data = true }, r => (r.Success, r.Message)).ConfigureAwait(false);
        }
    }

    private bool Ready(GenericServiceClient client, string what)
    {
        try
        {
            if (client.IsServiceReady())
            {
                return true;
            }

            _node.Logger.LogError("{What}: no service {Service}; is the node running, and does the {Parameter} parameter name it?", what, client.Name, client == _simReset ? "sim_arm" : "safety_controller");
        }
        catch (ServiceInteropException e)
        {
            _node.Logger.LogError("{What}: {Problem}", what, e.Message);
        }

        return false;
    }

    /// <summary>Calls a service and logs its answer; returns whether it answered with success.</summary>
    private async Task<bool> Call<TRequest, TResponse>(ServiceClient<TRequest, TResponse> client, TRequest request, Func<TResponse, (bool Success, string Message)> answer)
        where TRequest : class, Ros.Interfaces.IRosMessage<TRequest>, new()
        where TResponse : class, Ros.Interfaces.IRosMessage<TResponse>, new()
    {
        try
        {
            (bool success, string message) = answer(await client.CallAsync(request, ServiceTimeout).ConfigureAwait(false));
            _node.Logger.Log(success ? LogLevel.Information : LogLevel.Warning, "{Service}: {Message}", client.Name, message);
            return success;
        }
        catch (ServiceCallException e)
        {
            _node.Logger.LogError("{Service}: {Problem}", client.Name, e.Message);
            return false;
        }
    }

    private void ShowStatus()
    {
        string speed = string.Create(CultureInfo.InvariantCulture, $"speed {_jog.SpeedScale * 100:0}% ({_jog.Speed:0.00} rad/s)");
        string jog = _joints.Length == 0 ? "waiting for joint names"
            : _jog.IsJogging ? $"jog {_joints[_jog.Joint]} {(_jog.Direction > 0 ? '+' : '-')}"
            : "stopped";
        string estop = _estopEngaged ? "E-STOP ENGAGED (x releases, z resets)" : "e-stop released";
        string safety = _safetyStatus.Length > 0 ? _safetyStatus : "no status yet";
        _console.Status($"{speed} | {jog} | {estop} | safety: {safety}");
    }

    private static string Describe(char key) => char.IsControl(key)
        ? string.Create(CultureInfo.InvariantCulture, $"0x{(int)key:x2}")
        : $"'{key}'";
}
