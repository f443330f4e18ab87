namespace PhysicalAI.Safety;

/// <summary>One joint's setpoint: position, velocity and acceleration.</summary>
public record struct JointMotion(double Position, double Velocity, double Acceleration)
{
    /// <summary>The motion after <paramref name="duration"/> seconds at constant <paramref name="jerk"/> (exact).</summary>
    public readonly JointMotion After(double jerk, double duration)
    {
        double t = duration;
        return new JointMotion(
            Position + (Velocity * t) + (Acceleration * t * t / 2) + (jerk * t * t * t / 6),
            Velocity + (Acceleration * t) + (jerk * t * t / 2),
            Acceleration + (jerk * t));
    }

    /// <summary>
    /// The motion after <paramref name="duration"/> seconds of <paramref name="phases"/>, one after another;
    /// past their end the joint is at rest where they left it.
    /// </summary>
    public readonly JointMotion After(ReadOnlySpan<JerkPhase> phases, double duration)
    {
        JointMotion m = this;
        foreach (JerkPhase phase in phases)
        {
            if (duration <= phase.Duration)
            {
                return m.After(phase.Jerk, duration);
            }

            m = m.After(phase.Jerk, phase.Duration);
            duration -= phase.Duration;
        }

        // The phases end at rest; rounding is not allowed to leave a creep behind.
        return m with { Velocity = 0, Acceleration = 0 };
    }
}
