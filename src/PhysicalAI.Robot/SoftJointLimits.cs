namespace PhysicalAI.Robot;

/// <summary>
/// URDF's <c>&lt;safety_controller&gt;</c> (ros2_control's <c>SoftJointLimits</c>): a position range inside
/// the hard limits, and the gains that shape the velocity bounds near it.
/// </summary>
/// <param name="MinPosition">Soft lower limit.</param>
/// <param name="MaxPosition">Soft upper limit.</param>
/// <param name="KPosition">Position gain: the velocity bound shrinks by this much per unit of distance to a soft limit.</param>
/// <param name="KVelocity">Velocity gain (bounds effort near the velocity limit).</param>
public sealed record SoftJointLimits(double MinPosition, double MaxPosition, double KPosition, double KVelocity);
