namespace PhysicalAI.Robot.Kinematics;

/// <summary>What inverse kinematics found.</summary>
/// <param name="Converged">Whether the target was reached within the tolerances.</param>
/// <param name="Positions">The joint positions (the best found when not converged), in the robot's actuated order.</param>
/// <param name="PositionError">Remaining distance to the target position, m.</param>
/// <param name="ApproachError">Remaining angle between the tool's z axis and the wanted approach, rad.</param>
/// <param name="Iterations">Iterations used by the returned start.</param>
/// <param name="Reason">Why it did not converge, or null.</param>
public sealed record IkResult(bool Converged, double[] Positions, double PositionError, double ApproachError, int Iterations, string? Reason);
