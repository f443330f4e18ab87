namespace PhysicalAI.Safety;

/// <summary>
/// The per-cycle joint limiter: from the setpoint it sent last cycle (position, velocity, acceleration per
/// joint) and this cycle's targets, it computes the next setpoint so that, in order of priority:
/// <list type="number">
/// <item>targets are clamped to the soft position limits;</item>
/// <item>each joint can always stop before its soft limit: if the point where a full jerk-limited brake
/// would end moves past the limit (and further out than it was), the joint brakes along that very
/// profile instead, so the stopping point never moves out;</item>
/// <item>speed stays within the velocity limit × <see cref="SpeedScale"/>;</item>
/// <item>acceleration stays within the acceleration limit when speeding up (the deceleration limit when
/// slowing, tapering to the acceleration limit as the velocity nears zero) and its change within the jerk limit, so the setpoint has no discontinuity in position, velocity or acceleration;</item>
/// <item>with a <see cref="WorkspaceGuard"/>, the tool's stopping point stays in the box, or at least gets no
/// further out.</item>
/// </list>
/// Tracking follows a cascade (position error → the speed from which the joint can still stop at the
/// target → the acceleration that lands exactly on that speed when ramped out → one constant-jerk step);
/// stops follow <see cref="BrakingProfile"/>'s phases exactly, switching jerk inside a cycle where the
/// profile does. Motion is integrated exactly. Nothing allocates after construction.
/// </summary>
public sealed class SafetyLimiter
{
    // Cycles over which the last of a position error is closed (see Step).
    private const double ApproachCycles = 10;

    private readonly JointSafetyLimits[] _limits;
    private readonly WorkspaceGuard? _workspace;
    private readonly JointMotion[] _motion, _next;
    private readonly double[] _positions, _stopPoint;
    private double _speedScale = 1;
    private double _stopPointOutside;

    /// <summary>A limiter for <paramref name="limits"/> (joints in command order) running every <paramref name="period"/> seconds.</summary>
    public SafetyLimiter(IReadOnlyList<JointSafetyLimits> limits, double period, WorkspaceGuard? workspace = null)
    {
        if (!(period > 0) || !double.IsFinite(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "the control period must be positive and finite");
        }

        foreach (JointSafetyLimits l in limits)
        {
            if (!(l.MaxVelocity > 0 && l.MaxAcceleration > 0 && l.MaxDeceleration > 0 && l.MaxJerk > 0)
                || !double.IsFinite(l.MaxVelocity + l.MaxAcceleration + l.MaxDeceleration + l.MaxJerk))
            {
                throw new ArgumentException($"joint '{l.Name}': velocity, acceleration, deceleration and jerk limits must be positive and finite");
            }
        }

        _limits = [.. limits];
        Period = period;
        _workspace = workspace;
        _motion = new JointMotion[_limits.Length];
        _next = new JointMotion[_limits.Length];
        _positions = new double[_limits.Length];
        _stopPoint = new double[_limits.Length];
    }

    public IReadOnlyList<JointSafetyLimits> Limits => _limits;

    /// <summary>Seconds per cycle.</summary>
    public double Period { get; }

    /// <summary>
    /// The fraction of the velocity limits allowed, 0..1 (a teach pendant's speed slider). A lower value
    /// than the present speed is reached by decelerating within the limits, not by a jump.
    /// </summary>
    public double SpeedScale
    {
        get => _speedScale;
        set => _speedScale = double.IsFinite(value) ? Math.Clamp(value, 0, 1) : throw new ArgumentOutOfRangeException(nameof(value), value, "the speed scale must be a number in 0..1");
    }

    /// <summary>The setpoint positions (the output).</summary>
    public ReadOnlySpan<double> Positions => _positions;

    /// <summary>Each joint's setpoint.</summary>
    public ReadOnlySpan<JointMotion> Motion => _motion;

    /// <summary>Whether every joint is still.</summary>
    public bool IsAtRest
    {
        get
        {
            foreach (JointMotion m in _motion)
            {
                if (m.Velocity != 0 || m.Acceleration != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Starts from <paramref name="positions"/> at rest (the measured state when the controller takes over).</summary>
    public void Reset(ReadOnlySpan<double> positions)
    {
        CheckLength(positions.Length);
        for (int i = 0; i < _motion.Length; i++)
        {
            _motion[i] = new JointMotion(positions[i], 0, 0);
            _positions[i] = positions[i];
        }

        _stopPointOutside = _workspace?.DistanceOutside(_positions) ?? 0;
    }

    /// <summary>The time the slowest joint needs to come to rest from the present setpoint in <paramref name="mode"/>, s.</summary>
    public double StoppingTime(LimiterMode mode = LimiterMode.EmergencyStop)
    {
        double time = 0;
        for (int i = 0; i < _limits.Length; i++)
        {
            time = Math.Max(time, BrakingProfile.Stop(_motion[i].Velocity, _motion[i].Acceleration, Deceleration(_limits[i], mode), _limits[i].MaxJerk).Time);
        }

        return time;
    }

    /// <summary>
    /// One cycle: moves the setpoint toward <paramref name="targets"/> (ignored unless <paramref name="mode"/> is
    /// <see cref="LimiterMode.Track"/>) and returns the rules that acted. Targets must be finite: validation
    /// happens before the limiter.
    /// </summary>
    public Interventions Step(ReadOnlySpan<double> targets, LimiterMode mode)
    {
        CheckLength(targets.Length);
        var acted = Interventions.None;
        for (int i = 0; i < _limits.Length; i++)
        {
            _next[i] = mode == LimiterMode.Track
                ? Track(_motion[i], _limits[i], targets[i], ref acted)
                : Stop(_motion[i], _limits[i], mode, ref acted);
        }

        if (_workspace is not null && mode == LimiterMode.Track)
        {
            acted |= GuardWorkspace();
        }

        for (int i = 0; i < _motion.Length; i++)
        {
            _motion[i] = _next[i];
            _positions[i] = _next[i].Position;
        }

        return acted;
    }

    private JointMotion Track(JointMotion m, JointSafetyLimits l, double target, ref Interventions acted)
    {
        double dt = Period, jerkStep = l.MaxJerk * dt;
        double p = m.Position, v = m.Velocity, a = m.Acceleration;

        // Validation runs before the limiter; should a non-number get through anyway, the joint stops.
        if (!double.IsFinite(target))
        {
            return Brake(m, l, l.MaxDeceleration);
        }

        // 1. Where to go, and how fast that allows: far out, the speed from which a full brake still stops
        // at the target; close in, a linear approach slow enough for the jerk-limited loop to follow.
        if (target > l.SoftMaxPosition || target < l.SoftMinPosition)
        {
            target = Math.Clamp(target, l.SoftMinPosition, l.SoftMaxPosition);
            acted |= Interventions.SoftPositionLimit;
        }

        double error = target - p;
        double reach = Math.Min(BrakingProfile.SpeedToStopWithin(Math.Abs(error), l.MaxDeceleration, l.MaxJerk), Math.Abs(error) / (ApproachCycles * dt));
        double speedLimit = l.MaxVelocity * _speedScale;
        if (reach > speedLimit)
        {
            reach = speedLimit;
            acted |= Interventions.Velocity;
        }

        double desiredV = Math.CopySign(reach, error);

        // 2. The acceleration that, ramped back to zero at the jerk limit in whole cycles, lands the
        // velocity on the wanted one: solving v + a·dt/2 + s·(x·dt + x²/2J) = v* for x = |a'| (the exact
        // discrete sum has x·dt/2 where this has x·dt: it lands up to half a cycle early, never late).
        double direction = desiredV >= v + (a * dt / 2) ? 1 : -1;
        double remaining = (desiredV - v - (a * dt / 2)) * direction;
        double wanted = l.MaxJerk * (-dt + Math.Sqrt((dt * dt) + (2 * remaining / l.MaxJerk)));
        // Slowing may use the deceleration limit, but only as much of it as can be ramped back to the
        // acceleration limit by the time the velocity reaches zero (so a reversal never speeds up beyond A);
        // the velocity is taken a cycle ahead, since the ramp happens in whole cycles.
        bool slowing = v != 0 && Math.Sign(direction) != Math.Sign(v);
        double accelerationLimit = !slowing ? l.MaxAcceleration
            : l.MaxDeceleration <= l.MaxAcceleration ? l.MaxDeceleration
            : Math.Min(l.MaxDeceleration, Math.Sqrt((l.MaxAcceleration * l.MaxAcceleration) + (2 * l.MaxJerk * Math.Max(0, Math.Abs(v) - (l.MaxDeceleration * dt)))));
        if (wanted > accelerationLimit)
        {
            wanted = accelerationLimit;
            acted |= Interventions.Acceleration;
        }

        // 3. One constant-jerk step toward it.
        double nextA = direction * wanted;
        if (Math.Abs(nextA - a) > jerkStep)
        {
            nextA = a + Math.CopySign(jerkStep, nextA - a);
            acted |= Interventions.Jerk;
        }

        double bound = Math.Max(l.MaxAcceleration, l.MaxDeceleration);
        nextA = Math.Clamp(nextA, -bound, bound);
        JointMotion next = m.After((nextA - a) / dt, dt);

        // 4. Guards on the resulting state: a speed that ramping out the acceleration would carry past the
        // limit, and a stopping point past the soft limits that is further out than the present one.
        if (Math.Sign(next.Acceleration) == Math.Sign(next.Velocity) && next.Acceleration != 0
            && Math.Abs(next.Velocity) + (next.Acceleration * next.Acceleration / (2 * l.MaxJerk)) + (Math.Abs(next.Acceleration) * dt / 2) > speedLimit)
        {
            nextA = Math.Abs(a) > jerkStep ? a - Math.CopySign(jerkStep, a) : 0;
            next = m.After((nextA - a) / dt, dt);
            acted |= Interventions.Velocity;
        }

        BrakingExtent stopNow = BrakingProfile.Stop(m.Velocity, m.Acceleration, l.MaxDeceleration, l.MaxJerk);
        BrakingExtent stopNext = BrakingProfile.Stop(next.Velocity, next.Acceleration, l.MaxDeceleration, l.MaxJerk);
        double highNow = m.Position + stopNow.Highest, highNext = next.Position + stopNext.Highest;
        double lowNow = m.Position + stopNow.Lowest, lowNext = next.Position + stopNext.Lowest;
        if ((highNext > l.SoftMaxPosition && highNext > highNow) || (lowNext < l.SoftMinPosition && lowNext < lowNow))
        {
            next = Brake(m, l, l.MaxDeceleration);
            acted |= Interventions.BrakingDistance;
        }

        return next;
    }

    /// <summary>One cycle of a stop: a controlled stop brakes harder where its gentler profile would end past a soft limit.</summary>
    private JointMotion Stop(JointMotion m, JointSafetyLimits l, LimiterMode mode, ref Interventions acted)
    {
        double deceleration = Deceleration(l, mode);
        if (deceleration < l.MaxDeceleration)
        {
            BrakingExtent gentle = BrakingProfile.Stop(m.Velocity, m.Acceleration, deceleration, l.MaxJerk);
            if (m.Position + gentle.Highest > l.SoftMaxPosition || m.Position + gentle.Lowest < l.SoftMinPosition)
            {
                deceleration = l.MaxDeceleration;
                acted |= Interventions.BrakingDistance;
            }
        }

        return Brake(m, l, deceleration);
    }

    /// <summary>One cycle along the fastest stop from <paramref name="m"/>.</summary>
    private JointMotion Brake(JointMotion m, JointSafetyLimits l, double deceleration)
    {
        Span<JerkPhase> phases = stackalloc JerkPhase[BrakingProfile.MaxPhases];
        int count = BrakingProfile.Phases(m.Velocity, m.Acceleration, deceleration, l.MaxJerk, phases);
        return m.After(phases[..count], Period);
    }

    /// <summary>Where a full brake from <paramref name="m"/> comes to rest.</summary>
    private static double StopPoint(JointMotion m, JointSafetyLimits l) =>
        m.Position + BrakingProfile.Stop(m.Velocity, m.Acceleration, l.MaxDeceleration, l.MaxJerk).Rest;

    /// <summary>Brakes every joint when the tool's stopping point leaves the box further than it already was.</summary>
    private Interventions GuardWorkspace()
    {
        for (int i = 0; i < _limits.Length; i++)
        {
            _stopPoint[i] = StopPoint(_next[i], _limits[i]);
        }

        double outside = _workspace!.DistanceOutside(_stopPoint);
        if (outside <= 0 || outside <= _stopPointOutside)
        {
            _stopPointOutside = outside;
            return Interventions.None;
        }

        for (int i = 0; i < _limits.Length; i++)
        {
            _next[i] = Brake(_motion[i], _limits[i], _limits[i].MaxDeceleration);
            _stopPoint[i] = StopPoint(_next[i], _limits[i]);
        }

        _stopPointOutside = _workspace.DistanceOutside(_stopPoint);
        return Interventions.Workspace;
    }

    private static double Deceleration(JointSafetyLimits l, LimiterMode mode) => mode == LimiterMode.Stop ? Math.Min(l.MaxAcceleration, l.MaxDeceleration) : l.MaxDeceleration;

    private void CheckLength(int length)
    {
        if (length != _limits.Length)
        {
            throw new ArgumentException($"{length} values for {_limits.Length} joints");
        }
    }
}
