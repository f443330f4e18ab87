using CsCheck;

namespace PhysicalAI.Safety.Tests;

/// <summary>
/// The whole controller under random, adversarial command streams: setpoints with names in random order,
/// NaN and infinite values, huge values, bursts of contradicting messages in one cycle, silences, jogs,
/// e-stops (released and reset), disarming and re-arming, action chunks, and speed-scale changes mid-motion. What it outputs stays within the soft position limits and the speed,
/// acceleration and jerk limits (same tolerances as the limiter's property test), and every malformed
/// message is rejected and counted.
/// </summary>
public class SafetyControllerPropertyTests
{
    private enum Kind
    {
        Setpoint,
        Shuffled,
        WithNaN,
        Huge,
        Burst,
        Silence,
        Jog,
        EStop,
        Disarm,
        Chunk,
        SpeedScale,
    }

    private sealed record Segment(Kind Kind, int Cycles, double Value, int Seed);

    private static readonly Gen<(JointSafetyLimits[] Joints, Segment[] Segments)> StreamGen =
        Gen.Select(
            LimiterStream.JointGen.Array[1, 7],
            Gen.Select(Gen.Enum<Kind>(), Gen.Int[1, 300], Gen.Double[-1, 1], Gen.Int).Select(t => new Segment(t.Item1, t.Item2, t.Item3, t.Item4)).Array[1, 10]);

    [Test]
    public void OutputStaysWithinTheLimits_AndBadMessagesAreCounted()
    {
        long streams = 0, cycles = 0, rejectedExpected = 0, rejectedCounted = 0;
        var gate = new object();
        StreamGen.Sample(stream =>
        {
            JointSafetyLimits[] joints = [.. stream.Joints.Select((l, i) => l with { Name = $"j{i}" })];
            int n = joints.Length;
            string[] names = [.. joints.Select(l => l.Name)];
            var options = new SafetyControllerOptions { StartEnabled = true, FeedbackTolerance = double.PositiveInfinity };
            var controller = new SafetyController(joints, options);
            double dt = options.Period, now = 0;
            double[] start = [.. joints.Select(l => (l.SoftMinPosition + l.SoftMaxPosition) / 2)];
            controller.OnJointState(names, start, now);
            var history = new List<double[]> { start, start, start };
            long expected = 0;
            foreach (Segment segment in stream.Segments)
            {
                var random = new Random(segment.Seed);
                if (segment.Kind == Kind.EStop)
                {
                    controller.SetEmergencyStop(true);
                }

                if (segment.Kind == Kind.Disarm)
                {
                    controller.Enable(false);
                }

                if (segment.Kind == Kind.SpeedScale)
                {
                    controller.Limiter.SpeedScale = random.NextDouble();
                }

                for (int c = 0; c < segment.Cycles; c++)
                {
                    now += dt;
                    // An ideal arm: it is where it was commanded (before the first command, where it started).
                    controller.OnJointState(names, history.Count > 3 ? history[^1] : start, now);
                    double[] values = [.. joints.Select((l, j) => ((l.MinPosition + l.MaxPosition) / 2) + (segment.Value * (j % 2 == 0 ? 1 : -1) * (l.MaxPosition - l.MinPosition)))];
                    switch (segment.Kind)
                    {
                        case Kind.Setpoint:
                            controller.OnPolicySetpoint(names, values, now);
                            break;
                        case Kind.Shuffled:
                            int[] order = [.. Enumerable.Range(0, n).OrderBy(_ => random.Next())];
                            controller.OnPolicySetpoint([.. order.Select(i => names[i])], [.. order.Select(i => values[i])], now);
                            break;
                        case Kind.WithNaN:
                            values[random.Next(n)] = random.Next(2) == 0 ? double.NaN : double.NegativeInfinity;
                            expected += controller.OnPolicySetpoint(names, values, now) is null ? 0 : 1;
                            break;
                        case Kind.Huge:
                            controller.OnTeleopSetpoint(names, [.. values.Select(v => Math.CopySign(1e12, v))], now);
                            break;
                        case Kind.Burst:
                            for (int b = 0; b < 5; b++)
                            {
                                controller.OnPolicySetpoint(names, [.. values.Select(v => b % 2 == 0 ? v : -v)], now);
                            }

                            break;
                        case Kind.Chunk when c % 50 == 0:
                            // A chunk from where the setpoint is, to the segment's pose and back, every 0.1 s.
                            double[] from = controller.Limiter.Positions.ToArray();
                            double[] rows = [.. from.Select((q, j) => q + (0.5 * (values[j] - q) * 0.1)), .. from.Select((q, j) => Math.Clamp(values[j], joints[j].MinPosition, joints[j].MaxPosition)), .. from];
                            string? chunk = controller.OnPolicyChunk(names, [0.05, 0.5, 1.0], rows, now);
                            expected += chunk is null ? 0 : 1;
                            break;
                        case Kind.Jog:
                            controller.OnTeleopJog(names, [.. joints.Select(l => segment.Value * l.MaxVelocity * 3)], [], now);
                            break;
                    }

                    if (!controller.Cycle(now))
                    {
                        continue;
                    }

                    double[] p = controller.Limiter.Positions.ToArray();
                    history.Add(p);
                    double[] p1 = history[^2], p2 = history[^3], p3 = history[^4];
                    for (int j = 0; j < n; j++)
                    {
                        JointSafetyLimits l = joints[j];
                        double amax = Math.Max(l.MaxAcceleration, l.MaxDeceleration);
                        double speed = Math.Abs(p[j] - p1[j]) / dt;
                        double acceleration = Math.Abs(p[j] - (2 * p1[j]) + p2[j]) / (dt * dt);
                        double jerk = Math.Abs(p[j] - (3 * p1[j]) + (3 * p2[j]) - p3[j]) / (dt * dt * dt);
                        if (p[j] > l.SoftMaxPosition + 1e-9 || p[j] < l.SoftMinPosition - 1e-9
                            || speed > (l.MaxVelocity * (1 + 1e-6)) + 1e-9 || acceleration > (amax * (1 + 1e-6)) + 1e-9 || jerk > (l.MaxJerk * (1 + 1e-6)) + 1e-9)
                        {
                            throw new AssertionException($"{segment.Kind}, cycle {c}, joint {j}: position {p[j]} (soft [{l.SoftMinPosition}, {l.SoftMaxPosition}]), speed {speed}/{l.MaxVelocity}, acceleration {acceleration}/{amax}, jerk {jerk}/{l.MaxJerk}");
                        }
                    }
                }

                if (segment.Kind == Kind.EStop)
                {
                    controller.SetEmergencyStop(false);
                    controller.Reset();
                }

                if (segment.Kind == Kind.Disarm)
                {
                    controller.Enable(true);
                }

            }

            if (controller.Status.RejectedCommands != expected)
            {
                throw new AssertionException($"{expected} malformed messages sent, {controller.Status.RejectedCommands} counted");
            }

            lock (gate)
            {
                rejectedExpected += expected;
                rejectedCounted += controller.Status.RejectedCommands;
                cycles += stream.Segments.Sum(s => s.Cycles);
                streams++;
            }
        }, iter: 1000);

        TestContext.Out.WriteLine($"{streams} streams, {cycles} cycles; {rejectedCounted} of {rejectedExpected} malformed messages rejected and counted");
    }
}
