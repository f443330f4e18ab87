using PhysicalAI.Robot;

namespace PhysicalAI.Safety;

/// <summary>
/// What the limiter holds one joint to. Hard position limits are the joint's; the soft ones, inside them,
/// are where the limiter keeps the joint (URDF <c>&lt;safety_controller&gt;</c> or a margin). Velocity,
/// acceleration, deceleration and jerk are magnitudes, all finite and positive (∞ for an unlimited position).
/// </summary>
public sealed record JointSafetyLimits
{
    public required string Name { get; init; }

    public double MinPosition { get; init; } = double.NegativeInfinity;

    public double MaxPosition { get; init; } = double.PositiveInfinity;

    public double SoftMinPosition { get; init; } = double.NegativeInfinity;

    public double SoftMaxPosition { get; init; } = double.PositiveInfinity;

    public required double MaxVelocity { get; init; }

    public required double MaxAcceleration { get; init; }

    public required double MaxDeceleration { get; init; }

    public required double MaxJerk { get; init; }

    /// <summary>
    /// The limits of <paramref name="joint"/>: soft position limits from its <c>&lt;safety_controller&gt;</c>,
    /// or <see cref="SafetyDefaults.PositionMargin"/> (at most a tenth of the range) inside the hard ones,
    /// whichever is tighter; defaults for
    /// what the joint does not state.
    /// </summary>
    /// <exception cref="ArgumentException">The joint has no velocity limit, or limits that leave no room to move.</exception>
    public static JointSafetyLimits FromJoint(Joint joint, SafetyDefaults defaults)
    {
        JointLimits l = joint.Limits;
        if (!l.HasVelocityLimits || !(l.MaxVelocity > 0) || !double.IsFinite(l.MaxVelocity))
        {
            throw new ArgumentException($"joint '{joint.Name}' has no velocity limit; the safety controller needs one (URDF <limit velocity=...> or joint_limits YAML)");
        }

        double min = l.HasPositionLimits ? l.MinPosition : double.NegativeInfinity;
        double max = l.HasPositionLimits ? l.MaxPosition : double.PositiveInfinity;
        // A short joint (a gripper finger's few centimetres) gets at most a tenth of its range as margin.
        double margin = l.HasPositionLimits ? Math.Min(defaults.PositionMargin, (max - min) / 10) : 0;
        double softMin = min + margin, softMax = max - margin;
        if (l.Soft is { } soft)
        {
            softMin = Math.Max(softMin, soft.MinPosition);
            softMax = Math.Min(softMax, soft.MaxPosition);
        }

        if (l.HasPositionLimits && !(softMin < softMax))
        {
            throw new ArgumentException($"joint '{joint.Name}': the soft limits [{softMin}, {softMax}] leave no room to move (position limits [{min}, {max}], margin {defaults.PositionMargin})");
        }

        double acceleration = l.HasAccelerationLimits ? l.MaxAcceleration : defaults.Acceleration;
        return new JointSafetyLimits
        {
            Name = joint.Name,
            MinPosition = min,
            MaxPosition = max,
            SoftMinPosition = softMin,
            SoftMaxPosition = softMax,
            MaxVelocity = l.MaxVelocity,
            MaxAcceleration = acceleration,
            MaxDeceleration = l.HasDecelerationLimits ? l.MaxDeceleration : acceleration,
            MaxJerk = l.HasJerkLimits ? l.MaxJerk : defaults.Jerk,
        };
    }
}
