namespace PhysicalAI.Safety;

/// <summary>
/// The fastest jerk-limited stop from a velocity and acceleration, as constant-jerk phases: jerk toward
/// full deceleration, hold it, then jerk back so velocity and acceleration reach zero together (an
/// S-curve). The limiter brakes along exactly these phases, so the span they sweep is where the joint can
/// still go — the braking-distance bound — and how long they take is the stopping time the watchdog
/// promises. (When the acceleration already opposes a slow motion strongly, the stop reverses the joint:
/// it turns, drifts back and comes to rest behind the turning point; the span covers both.)
/// </summary>
public static class BrakingProfile
{
    /// <summary>The most phases a stop takes.</summary>
    public const int MaxPhases = 5;

    /// <summary>
    /// Writes the phases of the stop from velocity <paramref name="v"/> and acceleration <paramref name="a"/>
    /// with deceleration limit <paramref name="deceleration"/> and jerk limit <paramref name="jerk"/> into
    /// <paramref name="phases"/> (room for <see cref="MaxPhases"/>); returns how many.
    /// </summary>
    public static int Phases(double v, double a, double deceleration, double jerk, Span<JerkPhase> phases)
    {
        // Work in the direction of motion (or of the acceleration when still), then flip the jerks back.
        double sign = v > 0 || (v == 0 && a > 0) ? 1 : -1;
        v *= sign;
        a *= sign;
        int count = 0;
        if (v == 0 && a == 0)
        {
            return 0;
        }

        if (a < -deceleration && v > a * a / (2 * jerk))
        {
            // Braking harder than this stop allows (a controlled stop after an emergency one): ease off to
            // the deceleration limit first.
            double t0 = (-deceleration - a) / jerk;
            phases[count++] = new JerkPhase(sign * jerk, t0);
            v += (a * t0) + (jerk * t0 * t0 / 2);
            a = -deceleration;
        }

        if (a < 0 && v <= a * a / (2 * jerk))
        {
            // Ramping the deceleration out as fast as possible still reverses the joint; the drift back
            // (v - a²/2j, from zero acceleration) is then stopped like any other motion.
            double ramp = -a / jerk;
            double drift = v - (a * a / (2 * jerk));
            phases[count++] = new JerkPhase(sign * jerk, ramp);
            return count + Phases(sign * drift, 0, deceleration, jerk, phases[count..]);
        }

        double peak = -Math.Sqrt((jerk * v) + (a * a / 2));
        double hold = 0;
        if (peak < -deceleration)
        {
            peak = -deceleration;
            hold = Math.Max(0, (v + (a * a / (2 * jerk)) - (deceleration * deceleration / jerk)) / deceleration);
        }

        phases[count++] = new JerkPhase(-sign * jerk, Math.Max(0, (a - peak) / jerk));
        phases[count++] = new JerkPhase(0, hold);
        phases[count++] = new JerkPhase(sign * jerk, -peak / jerk);
        return count;
    }

    /// <summary>
    /// The stop from <paramref name="v"/>, <paramref name="a"/>: the lowest and highest displacement it passes
    /// through, where it comes to rest (all relative to the present position), and how long it takes.
    /// </summary>
    public static BrakingExtent Stop(double v, double a, double deceleration, double jerk)
    {
        Span<JerkPhase> phases = stackalloc JerkPhase[MaxPhases];
        int count = Phases(v, a, deceleration, jerk, phases);
        var motion = new JointMotion(0, v, a);
        double time = 0, low = 0, high = 0;
        foreach (JerkPhase phase in phases[..count])
        {
            // Extremes are where the velocity crosses zero inside a phase, or at its ends.
            double t = Crossing(motion, phase);
            if (t >= 0)
            {
                double turn = motion.After(phase.Jerk, t).Position;
                (low, high) = (Math.Min(low, turn), Math.Max(high, turn));
            }

            motion = motion.After(phase.Jerk, phase.Duration);
            (low, high) = (Math.Min(low, motion.Position), Math.Max(high, motion.Position));
            time += phase.Duration;
        }

        return new BrakingExtent(low, high, motion.Position, time);
    }

    /// <summary>
    /// The highest speed from which, at zero acceleration, the joint can stop within <paramref name="distance"/>
    /// (the inverse of <see cref="Stop"/> at a = 0).
    /// </summary>
    public static double SpeedToStopWithin(double distance, double deceleration, double jerk)
    {
        if (!(distance > 0))
        {
            return 0;
        }

        // Triangular acceleration profile below v = D²/J (distance D³/J²), trapezoidal above.
        double d2j = deceleration * deceleration / jerk;
        if (distance <= deceleration * d2j / jerk)
        {
            return Math.Cbrt(distance * distance * jerk);
        }

        double half = d2j / 2;
        return -half + Math.Sqrt((half * half) + (2 * deceleration * distance));
    }

    /// <summary>When within <paramref name="phase"/> the velocity reaches zero, or -1 if it does not.</summary>
    private static double Crossing(JointMotion m, JerkPhase phase)
    {
        // v + a t + j t²/2 = 0 on [0, duration].
        double v = m.Velocity, a = m.Acceleration, j = phase.Jerk / 2;
        double best = -1;
        if (Math.Abs(j) < 1e-300)
        {
            if (a != 0)
            {
                best = -v / a;
            }
        }
        else
        {
            double disc = (a * a) - (4 * j * v);
            if (disc >= 0)
            {
                double r = Math.Sqrt(disc);
                double t1 = (-a - r) / (2 * j), t2 = (-a + r) / (2 * j);
                (double first, double second) = t1 < t2 ? (t1, t2) : (t2, t1);
                return first > 0 && first <= phase.Duration ? first : second > 0 && second <= phase.Duration ? second : -1;
            }
        }

        return best > 0 && best <= phase.Duration ? best : -1;
    }
}
