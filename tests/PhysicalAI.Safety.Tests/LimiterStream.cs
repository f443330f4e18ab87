using CsCheck;

namespace PhysicalAI.Safety.Tests;

/// <summary>
/// A random, adversarial command stream for the property tests: random limits for 1-7 joints, a control
/// period, a speed scale, and segments of what command sources do wrong — jumps, huge values, reversals
/// every cycle, bursts, silences (controlled stops) and e-stops.
/// </summary>
internal sealed record LimiterStream(JointSafetyLimits[] Joints, double Period, double SpeedScale, LimiterStream.Segment[] Segments)
{
    public enum Kind
    {
        Jump,
        Huge,
        Reverse,
        Creep,
        Hold,
        Silence,
        EStop,
    }

    public sealed record Segment(Kind Kind, int Cycles, double Value);

    public int TotalCycles => Segments.Sum(s => s.Cycles);

    public static readonly Gen<JointSafetyLimits> JointGen =
        Gen.Select(Gen.Double[-3, 0], Gen.Double[0.05, 4], Gen.Double[0.1, 4], Gen.Double[0.5, 30], Gen.Double[0.5, 40], Gen.Double[5, 2000], Gen.Double[0.005, 0.2])
            .Select(t => new JointSafetyLimits
            {
                Name = "j",
                MinPosition = t.Item1,
                MaxPosition = t.Item1 + t.Item2 + (2 * t.Item7),
                SoftMinPosition = t.Item1 + t.Item7,
                SoftMaxPosition = t.Item1 + t.Item2 + t.Item7,
                MaxVelocity = t.Item3,
                MaxAcceleration = t.Item4,
                MaxDeceleration = t.Item5,
                MaxJerk = t.Item6,
            });

    private static readonly Gen<Segment> SegmentGen =
        Gen.Select(Gen.Enum<Kind>(), Gen.Int[1, 400], Gen.Double[-1, 1]).Select(t => new Segment(t.Item1, t.Item2, t.Item3));

    public static readonly Gen<LimiterStream> Gen_ =
        Gen.Select(JointGen.Array[1, 7], Gen.Int[0, 2].Select(i => 0.001 * (1 << i)), Gen.Double[0.05, 1], SegmentGen.Array[1, 12])
            .Select(t => new LimiterStream(t.Item1, t.Item2, t.Item3, t.Item4));

    /// <summary>The target of joint <paramref name="joint"/> at cycle <paramref name="cycle"/> of <paramref name="segment"/>.</summary>
    public static double Target(JointSafetyLimits l, int joint, Segment segment, int cycle, double previous)
    {
        double mid = (l.MinPosition + l.MaxPosition) / 2, half = (l.MaxPosition - l.MinPosition) / 2;
        double spread = segment.Value * (joint % 2 == 0 ? 1 : -1);
        return segment.Kind switch
        {
            Kind.Jump => mid + (1.5 * half * spread),
            Kind.Huge => Math.CopySign(1e6, spread),
            Kind.Reverse => cycle % 2 == 0 ? l.MinPosition - 1 : l.MaxPosition + 1,
            Kind.Creep => previous + (1e-3 * spread),
            _ => previous,
        };
    }
}
