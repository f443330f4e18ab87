namespace PhysicalAI.Robot;

/// <summary>
/// What a joint may do, in ros2_control's terms (<c>joint_limits::JointLimits</c>): position, velocity,
/// acceleration, deceleration, jerk and effort limits, each with a flag saying whether it applies. SI
/// units: rad (or m), rad/s, rad/s², rad/s³, N·m (or N).
/// </summary>
public sealed record JointLimits
{
    /// <summary>No limits at all.</summary>
    public static JointLimits None { get; } = new();

    public bool HasPositionLimits { get; init; }

    public double MinPosition { get; init; } = double.NegativeInfinity;

    public double MaxPosition { get; init; } = double.PositiveInfinity;

    public bool HasVelocityLimits { get; init; }

    public double MaxVelocity { get; init; } = double.PositiveInfinity;

    public bool HasAccelerationLimits { get; init; }

    public double MaxAcceleration { get; init; } = double.PositiveInfinity;

    /// <summary>Braking limit; when absent, braking is bounded by <see cref="MaxAcceleration"/>.</summary>
    public bool HasDecelerationLimits { get; init; }

    public double MaxDeceleration { get; init; } = double.PositiveInfinity;

    public bool HasJerkLimits { get; init; }

    public double MaxJerk { get; init; } = double.PositiveInfinity;

    public bool HasEffortLimits { get; init; }

    public double MaxEffort { get; init; } = double.PositiveInfinity;

    /// <summary>A continuous joint: positions wrap at ±π.</summary>
    public bool AngleWraparound { get; init; }

    /// <summary>Soft limits (URDF <c>&lt;safety_controller&gt;</c>), or null.</summary>
    public SoftJointLimits? Soft { get; init; }

    /// <summary>The deceleration limit in force: its own when given, else the acceleration limit.</summary>
    public double EffectiveMaxDeceleration => HasDecelerationLimits ? MaxDeceleration : HasAccelerationLimits ? MaxAcceleration : double.PositiveInfinity;
}
