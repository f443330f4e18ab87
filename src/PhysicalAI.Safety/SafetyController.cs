namespace PhysicalAI.Safety;

/// <summary>
/// The safety controller's logic, no ROS: inputs (joint states, policy setpoints and action chunks,
/// teleop setpoints and jogs, e-stop, enable, reset) go in as they arrive; <see cref="Cycle"/> runs at the
/// fixed control rate and yields the setpoint to send, or nothing when the arm must not be commanded.
/// <list type="bullet">
/// <item>Arbitration: teleop while its commands are fresh, else the policy while fresh (a chunk counts as
/// fresh until command_timeout after its last point, so the arm settles on it), else hold.</item>
/// <item>Watchdog: the active source silent for <see cref="SafetyControllerOptions.CommandTimeout"/> → controlled
/// stop and hold; fresh commands resume. Joint states older than <see cref="SafetyControllerOptions.StateTimeout"/>
/// or the arm further than <see cref="SafetyControllerOptions.FeedbackTolerance"/> from the setpoint → fault:
/// controlled stop, latched until <see cref="Reset"/>.</item>
/// <item>E-stop: fastest allowed stop, latched until the e-stop is released and <see cref="Reset"/> is called.</item>
/// <item>Disarming stops the arm under control first, then stops commanding it.</item>
/// </list>
/// Times are seconds on one monotonic clock supplied by the caller. Single-threaded by design (one executor).
/// </summary>
public sealed class SafetyController
{
    private readonly SafetyControllerOptions _options;
    private readonly JointNameMap _joints;
    private readonly ActionChunkValidator _chunkValidator;
    private readonly ActionChunk _chunk;
    private readonly double[] _measured, _incoming, _targets, _policyTargets, _teleopTargets, _jogVelocity;
    private double _lastState = double.NegativeInfinity, _lastPolicy = double.NegativeInfinity, _lastTeleop = double.NegativeInfinity;
    private bool _stateSinceEnable = true;
    private bool _hasState, _freshState, _enabled, _armed, _estopInput, _estopLatched, _faultLatched, _jogging, _stopping;

    public SafetyController(IReadOnlyList<JointSafetyLimits> limits, SafetyControllerOptions options, WorkspaceGuard? workspace = null)
    {
        _options = options;
        _joints = new JointNameMap([.. limits.Select(l => l.Name)]);
        Limiter = new SafetyLimiter(limits, options.Period, workspace);
        _chunk = new ActionChunk(limits.Count, options.MaxChunkPoints);
        _chunkValidator = new ActionChunkValidator(_joints, limits, options);
        int n = limits.Count;
        (_measured, _incoming, _targets, _policyTargets, _teleopTargets, _jogVelocity) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        _enabled = options.StartEnabled;
    }

    public SafetyLimiter Limiter { get; }

    /// <summary>The joints, in the order of <see cref="Cycle"/>'s output.</summary>
    public IReadOnlyList<string> JointNames => _joints.Names;

    public SafetyState State { get; private set; } = SafetyState.WaitingForState;

    public CommandSource ActiveSource { get; private set; } = CommandSource.Hold;

    public SafetyStatus Status { get; } = new();

    /// <summary>What the last cycle's limiting did.</summary>
    public Interventions LastInterventions { get; private set; }

    /// <summary>The last measured positions, in controller order.</summary>
    public ReadOnlySpan<double> Measured => _measured;

    /// <summary>A joint state: every controller joint must be in it (others are ignored). Returns null, or why it was not used.</summary>
    public string? OnJointState(ReadOnlySpan<string> names, ReadOnlySpan<double> positions, double now)
    {
        if (positions.Length != names.Length)
        {
            return Reject($"joint state with {names.Length} names and {positions.Length} positions");
        }

        // One pass into a scratch row; the measured state changes only when the whole message is good.
        int found = 0;
        for (int i = 0; i < names.Length; i++)
        {
            int j = _joints.IndexOf(names[i]);
            if (j >= 0)
            {
                if (!double.IsFinite(positions[i]))
                {
                    return Reject($"joint state: {names[i]} is {positions[i]}");
                }

                _incoming[j] = positions[i];
                found++;
            }
        }

        if (found != _joints.Count)
        {
            return Reject($"joint state names {found} of the {_joints.Count} joints ({string.Join(", ", _joints.Names)})");
        }

        _incoming.CopyTo(_measured, 0);
        _hasState = true;
        _freshState = true;
        _stateSinceEnable = true;
        _lastState = now;
        return null;
    }

    /// <summary>A policy setpoint (JointState positions): joints it names move, others hold. Returns null, or why it was rejected.</summary>
    public string? OnPolicySetpoint(ReadOnlySpan<string> names, ReadOnlySpan<double> positions, double now)
    {
        if (Map(names, positions, _policyTargets, "policy") is { } rejected)
        {
            return rejected;
        }

        _chunk.Clear();
        _lastPolicy = now;
        return null;
    }

    /// <summary>A policy action chunk (JointTrajectory), validated whole; <paramref name="positions"/> row by row. Returns null, or why it was rejected.</summary>
    public string? OnPolicyChunk(ReadOnlySpan<string> names, ReadOnlySpan<double> timesFromStart, ReadOnlySpan<double> positions, double now)
    {
        if (Limiter.SpeedScale == 0)
        {
            return Reject("policy chunk rejected: speed_scale is 0, so no motion is allowed");
        }

        // Chunks start from where the setpoint is (or the arm, before there is one).
        ReadOnlySpan<double> from = _armed ? Limiter.Positions : _measured;
        if (_chunkValidator.Load(names, timesFromStart, positions, from, Limiter.SpeedScale, now, _chunk) is { } reason)
        {
            return Reject($"policy chunk rejected: {reason}");
        }

        _lastPolicy = now;
        return null;
    }

    /// <summary>A teleop setpoint: joints it names move, others hold. Returns null, or why it was rejected.</summary>
    public string? OnTeleopSetpoint(ReadOnlySpan<string> names, ReadOnlySpan<double> positions, double now)
    {
        if (Map(names, positions, _teleopTargets, "teleop") is { } rejected)
        {
            return rejected;
        }

        _jogging = false;
        _lastTeleop = now;
        return null;
    }

    /// <summary>
    /// A teleop jog (control_msgs/JointJog): per named joint a velocity (moved at while jogs keep coming) or
    /// a displacement (added once). Returns null, or why it was rejected.
    /// </summary>
    public string? OnTeleopJog(ReadOnlySpan<string> names, ReadOnlySpan<double> velocities, ReadOnlySpan<double> displacements, double now)
    {
        bool byVelocity = velocities.Length > 0;
        ReadOnlySpan<double> values = byVelocity ? velocities : displacements;
        if (values.Length == 0 || names.Length == 0)
        {
            return Reject("teleop jog names no joint or has neither velocities nor displacements");
        }

        if (_joints.TryMap(names, values.Length) is { } mapping)
        {
            return Reject($"teleop jog rejected: {mapping}");
        }

        for (int k = 0; k < values.Length; k++)
        {
            if (!double.IsFinite(values[k]))
            {
                return Reject($"teleop jog rejected: {names[k]} is {values[k]}");
            }
        }

        // A jog starts from the setpoint (not a stale teleop target), or from the arm before arming.
        if (!_jogging || ActiveSource != CommandSource.Teleop)
        {
            (_armed ? Limiter.Positions : _measured).CopyTo(_teleopTargets);
        }

        Array.Clear(_jogVelocity);
        ReadOnlySpan<int> map = _joints.Mapped;
        for (int k = 0; k < values.Length; k++)
        {
            if (byVelocity)
            {
                _jogVelocity[map[k]] = values[k];
            }
            else
            {
                _teleopTargets[map[k]] += values[k];
            }
        }

        _jogging = byVelocity;
        _lastTeleop = now;
        return null;
    }

    /// <summary>The e-stop input: engaging latches an emergency stop; releasing allows <see cref="Reset"/> to clear it.</summary>
    public void SetEmergencyStop(bool engaged)
    {
        _estopInput = engaged;
        if (engaged && !_estopLatched)
        {
            _estopLatched = true;
            Status.LastViolation = "emergency stop engaged";
        }
    }

    public bool IsEmergencyStopEngaged => _estopInput;

    /// <summary>Arms or disarms. Disarming stops the arm under control before commanding stops.</summary>
    public void Enable(bool on)
    {
        if (on && !_enabled)
        {
            // The arm may have been moved while disarmed (a simulator reset, a hand-guided arm): take over
            // only from a state measured after this, never from the last one seen before it.
            _stateSinceEnable = false;
        }

        _enabled = on;
    }

    public bool IsEnabled => _enabled;

    /// <summary>Whether a fault is latched (until <see cref="Reset"/>).</summary>
    public bool IsFaulted => _faultLatched;

    /// <summary>Clears a latched fault or e-stop (the e-stop input must be released first). Returns whether it did, and why.</summary>
    public (bool Success, string Message) Reset()
    {
        if (_estopInput)
        {
            return (false, "the emergency stop is still engaged: release it, then reset");
        }

        if (!_estopLatched && !_faultLatched)
        {
            return (true, "nothing to reset");
        }

        string what = _estopLatched ? "emergency stop" : $"fault ({Status.Fault})";
        _estopLatched = false;
        _faultLatched = false;
        Status.Fault = string.Empty;
        _lastPolicy = _lastTeleop = double.NegativeInfinity;
        _chunk.Clear();
        if (State is SafetyState.Faulted or SafetyState.EmergencyStopped)
        {
            State = SafetyState.Running;
        }

        return (true, $"{what} cleared; holding");
    }

    /// <summary>
    /// One control cycle at <paramref name="now"/>. Returns true with <see cref="SafetyLimiter.Positions"/> to
    /// send, or false when the arm must not be commanded (no joint state yet, or disarmed).
    /// </summary>
    public bool Cycle(double now)
    {
        LastInterventions = Interventions.None;
        if (!_hasState)
        {
            State = SafetyState.WaitingForState;
            return false;
        }

        if (!_armed)
        {
            if (!_enabled || !_stateSinceEnable)
            {
                State = SafetyState.Disabled;
                return false;
            }

            // Take over from where the arm is, at rest. Only fresh commands carry over; anything older (a
            // chunk or jog from before a disarm) is forgotten, so nothing resumes that nobody is sending.
            Limiter.Reset(_measured);
            if (now - _lastPolicy > _options.CommandTimeout)
            {
                _measured.CopyTo(_policyTargets, 0);
                _chunk.Clear();
            }

            if (now - _lastTeleop > _options.CommandTimeout)
            {
                _measured.CopyTo(_teleopTargets, 0);
                _jogging = false;
            }

            _armed = true;
            _stopping = false;
            ActiveSource = CommandSource.Hold;
            State = _faultLatched ? SafetyState.Faulted : SafetyState.Running;
        }

        CheckFaults(now);
        LimiterMode mode;
        if (_estopLatched)
        {
            State = SafetyState.EmergencyStopped;
            mode = LimiterMode.EmergencyStop;
            SwitchTo(CommandSource.Hold);
        }
        else if (_faultLatched || !_enabled)
        {
            State = _faultLatched ? SafetyState.Faulted : Limiter.IsAtRest ? SafetyState.Running : SafetyState.Stopping;

            mode = LimiterMode.Stop;
            SwitchTo(CommandSource.Hold);
        }
        else
        {
            CommandSource source = now - _lastTeleop <= _options.CommandTimeout ? CommandSource.Teleop
                : now - _lastPolicy <= _options.CommandTimeout || (_chunk.Count > 0 && now - _chunk.Start - _chunk.Duration <= _options.CommandTimeout) ? CommandSource.Policy
                : CommandSource.Hold;
            if (source == CommandSource.Hold && ActiveSource != CommandSource.Hold)
            {
                // A chunk played to its end is not a violation; a source that fell silent is.
                bool chunkDone = ActiveSource == CommandSource.Policy && _chunk.Count > 0 && now - _lastPolicy > _options.CommandTimeout;
                if (!chunkDone)
                {
                    Status.WatchdogStops++;
                    Status.LastViolation = $"{Name(ActiveSource)} commands stopped for {_options.CommandTimeout} s (command_timeout): controlled stop";
                }

                _stopping = true;
            }

            SwitchTo(source);
            mode = source == CommandSource.Hold ? LimiterMode.Stop : LimiterMode.Track;
            if (source != CommandSource.Hold)
            {
                _stopping = false;
                FillTargets(source, now);
            }

            State = _stopping && !Limiter.IsAtRest ? SafetyState.Stopping : SafetyState.Running;
        }

        LastInterventions = Limiter.Step(_targets, mode);
        Status.Count(LastInterventions);
        Status.Cycles++;
        if (!_enabled && Limiter.IsAtRest && State != SafetyState.EmergencyStopped)
        {
            // Disarmed and still: this was the last command (a latched fault stays latched).
            _armed = false;
            State = SafetyState.Disabled;
        }

        return true;
    }

    private void CheckFaults(double now)
    {
        if (_faultLatched)
        {
            return;
        }

        string? fault = null;
        if (now - _lastState > _options.StateTimeout)
        {
            fault = $"joint states stale: the last is {now - _lastState:0.000} s old (state_timeout {_options.StateTimeout} s)";
        }
        else if (_freshState)
        {
            // Only a state that arrived since the last cycle is compared: a frozen one would diverge from a
            // moving setpoint and blame the arm for what is a silent sensor (the stale check's job).
            _freshState = false;
            ReadOnlySpan<double> setpoint = Limiter.Positions;
            for (int j = 0; j < _measured.Length; j++)
            {
                double error = Math.Abs(_measured[j] - setpoint[j]);
                if (error > _options.FeedbackTolerance)
                {
                    fault = $"{_joints.Names[j]} is {error:0.000} from its setpoint (feedback_tolerance {_options.FeedbackTolerance})";
                    break;
                }
            }
        }

        if (fault is not null)
        {
            _faultLatched = true;
            State = SafetyState.Faulted;
            Status.Fault = fault;
            Status.LastViolation = $"fault: {fault}";
        }
    }

    private void FillTargets(CommandSource source, double now)
    {
        if (source == CommandSource.Teleop)
        {
            if (_jogging)
            {
                for (int j = 0; j < _teleopTargets.Length; j++)
                {
                    JointSafetyLimits l = Limiter.Limits[j];
                    _teleopTargets[j] = Math.Clamp(_teleopTargets[j] + (_jogVelocity[j] * _options.Period), l.SoftMinPosition, l.SoftMaxPosition);
                }
            }

            _teleopTargets.CopyTo(_targets, 0);
        }
        else if (_chunk.Count > 0)
        {
            _chunk.Sample(now, _targets);
        }
        else
        {
            _policyTargets.CopyTo(_targets, 0);
        }
    }

    private void SwitchTo(CommandSource source)
    {
        if (source == ActiveSource)
        {
            return;
        }

        // A chunk belongs to the stretch of policy control it was sent in: it never resumes after
        // teleop, a stop or a fault has taken over (it would jump to wherever it would be by then).
        if (ActiveSource == CommandSource.Policy)
        {
            _chunk.Clear();
        }

        Status.SourceSwitches++;
        Status.LastSwitch = $"{Name(ActiveSource)} -> {Name(source)}";
        ActiveSource = source;
    }

    private string? Map(ReadOnlySpan<string> names, ReadOnlySpan<double> positions, double[] targets, string source)
    {
        if (_joints.TryMap(names, positions.Length) is { } mapping)
        {
            return Reject($"{source} command rejected: {mapping}");
        }

        for (int k = 0; k < positions.Length; k++)
        {
            if (!double.IsFinite(positions[k]))
            {
                return Reject($"{source} command rejected: {_joints.Names[_joints.Mapped[k]]} is {positions[k]}");
            }
        }

        // Joints the command leaves out hold: at the setpoint, or where the arm is before arming.
        (_armed ? Limiter.Positions : _measured).CopyTo(targets);
        ReadOnlySpan<int> map = _joints.Mapped;
        for (int k = 0; k < positions.Length; k++)
        {
            targets[map[k]] = positions[k];
        }

        return null;
    }

    /// <summary>Counts a command rejected before it reached the controller (the node's own checks) and returns the reason.</summary>
    public string Reject(string reason)
    {
        Status.RejectedCommands++;
        Status.LastViolation = reason;
        return reason;
    }

    private static string Name(CommandSource source) => source switch
    {
        CommandSource.Teleop => "teleop",
        CommandSource.Policy => "policy",
        _ => "hold",
    };
}
