using CsCheck;

namespace PhysicalAI.Safety.Tests;

/// <summary>
/// The limiter's guarantees over thousands of random, adversarial command streams with random limits.
/// Checked on the positions it outputs (what a robot receives), by finite differences: position within the
/// soft limits; speed ≤ velocity limit × speed scale; acceleration ≤ the larger of the acceleration and
/// deceleration limits, and ≤ the acceleration limit while speeding up (on the setpoint's own state); jerk ≤ the jerk limit — each to a tolerance of 1e-6 relative plus 1e-9 absolute
/// (rounding). And after a silence or an e-stop, rest within the stopping time computed when it began (rounded up to whole cycles).
/// </summary>
public class SafetyLimiterPropertyTests
{
    private const double Relative = 1e-6, Absolute = 1e-9;

    // Rounding only: the limiter brakes along the exact profile whose end it checks against the soft limits.
    private const double SoftOvershoot = 1e-9;

    [Test]
    public void OutputNeverLeavesItsLimits_AndStopsInTheComputedTime()
    {
        long streams = 0, cycles = 0, stops = 0;
        double worstSoft = 0, worstSpeed = 0, worstAcceleration = 0, worstJerk = 0, worstStop = 0;
        LimiterStream.Gen_.Sample(stream =>
        {
            var limiter = new SafetyLimiter(stream.Joints, stream.Period) { SpeedScale = stream.SpeedScale };
            int n = stream.Joints.Length;
            double dt = stream.Period;
            double[] start = [.. stream.Joints.Select(l => (l.SoftMinPosition + l.SoftMaxPosition) / 2)];
            limiter.Reset(start);
            double[] targets = [.. start];
            var history = new List<double[]> { start, start, start };
            foreach (LimiterStream.Segment segment in stream.Segments)
            {
                LimiterMode mode = segment.Kind switch
                {
                    LimiterStream.Kind.Silence => LimiterMode.Stop,
                    LimiterStream.Kind.EStop => LimiterMode.EmergencyStop,
                    _ => LimiterMode.Track,
                };
                double stopBy = mode == LimiterMode.Track ? double.NaN : limiter.StoppingTime(mode);
                bool rested = false;
                for (int c = 0; c < segment.Cycles; c++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        targets[j] = LimiterStream.Target(stream.Joints[j], j, segment, c, targets[j]);
                    }

                    limiter.Step(targets, mode);
                    double[] p = limiter.Positions.ToArray();
                    history.Add(p);
                    double[] p1 = history[^2], p2 = history[^3], p3 = history[^4];
                    for (int j = 0; j < n; j++)
                    {
                        JointSafetyLimits l = stream.Joints[j];
                        double speed = Math.Abs(p[j] - p1[j]) / dt;
                        double acceleration = Math.Abs(p[j] - (2 * p1[j]) + p2[j]) / (dt * dt);
                        double jerk = Math.Abs(p[j] - (3 * p1[j]) + (3 * p2[j]) - p3[j]) / (dt * dt * dt);
                        double vmax = l.MaxVelocity * stream.SpeedScale, amax = Math.Max(l.MaxAcceleration, l.MaxDeceleration);
                        worstSpeed = Math.Max(worstSpeed, speed / vmax);
                        worstAcceleration = Math.Max(worstAcceleration, acceleration / amax);
                        worstJerk = Math.Max(worstJerk, jerk / l.MaxJerk);
                        worstSoft = Math.Max(worstSoft, Math.Max(p[j] - l.SoftMaxPosition, l.SoftMinPosition - p[j]));
                        if (p[j] > l.MaxPosition || p[j] < l.MinPosition || Math.Max(p[j] - l.SoftMaxPosition, l.SoftMinPosition - p[j]) > SoftOvershoot)
                        {
                            throw new AssertionException($"joint {j} at {p[j]}: position limits [{l.MinPosition}, {l.MaxPosition}], soft [{l.SoftMinPosition}, {l.SoftMaxPosition}] ({segment.Kind}, cycle {c})");
                        }

                        // Speeding up (acceleration along the velocity) is held to the acceleration limit proper.
                        JointMotion m = limiter.Motion[j];
                        if (Math.Sign(m.Acceleration) == Math.Sign(m.Velocity) && Math.Abs(m.Acceleration) > l.MaxAcceleration + Tolerance(l.MaxAcceleration))
                        {
                            throw new AssertionException($"joint {j} speeds up at {m.Acceleration} (acceleration limit {l.MaxAcceleration}, velocity {m.Velocity}) ({segment.Kind}, cycle {c})");
                        }

                        if (speed > vmax + Tolerance(vmax) || acceleration > amax + Tolerance(amax) || jerk > l.MaxJerk + Tolerance(l.MaxJerk))
                        {
                            throw new AssertionException($"joint {j}: speed {speed} (limit {vmax}), acceleration {acceleration} (limit {amax}), jerk {jerk} (limit {l.MaxJerk}) ({segment.Kind}, cycle {c})");
                        }
                    }

                    if (mode != LimiterMode.Track && !rested && limiter.IsAtRest)
                    {
                        rested = true;
                        stops++;
                        if (stopBy > 0)
                        {
                            worstStop = Math.Max(worstStop, ((c + 1) * dt) - stopBy);
                        }
                    }

                    if (mode != LimiterMode.Track && !rested && (c + 1) * dt > stopBy + dt)
                    {
                        throw new AssertionException($"still moving {(c + 1) * dt:0.####} s into a {mode}, promised rest within {stopBy:0.####} s");
                    }
                }

                cycles += segment.Cycles;
            }

            streams++;
        }, iter: 2000, threads: 1); // one thread: the worst-case figures below are shared

        TestContext.Out.WriteLine($"{streams} streams, {cycles} cycles, {stops} stops checked; worst soft-limit overshoot {worstSoft:0.0e0} rad; worst ratio to the limit: speed {worstSpeed:0.000000}, acceleration {worstAcceleration:0.000000}, jerk {worstJerk:0.000000}; latest rest {worstStop * 1000:0.000} ms after the computed stopping time (within the cycle that contains it)");
    }

    private static double Tolerance(double limit) => (Math.Abs(limit) * Relative) + Absolute;
}
