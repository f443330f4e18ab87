namespace PhysicalAI.Safety;

/// <summary>What the limiter assumes where a robot description is silent.</summary>
public sealed record SafetyDefaults
{
    /// <summary>Soft limits this far inside the hard position limits (at most a tenth of the range) when the URDF has no tighter ones, rad or m.</summary>
    public double PositionMargin { get; init; } = 0.05;

    /// <summary>Acceleration (and deceleration) limit of joints that state none, rad/s² or m/s².</summary>
    public double Acceleration { get; init; } = 5.0;

    /// <summary>Jerk limit of joints that state none, rad/s³ or m/s³.</summary>
    public double Jerk { get; init; } = 100.0;
}
