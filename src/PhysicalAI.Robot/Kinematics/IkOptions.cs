namespace PhysicalAI.Robot.Kinematics;

/// <summary>How <see cref="InverseKinematics"/> iterates and when it is done.</summary>
public sealed record IkOptions
{
    /// <summary>Iterations per start.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Restarts from other seeds when the first start does not converge.</summary>
    public int Restarts { get; init; } = 4;

    /// <summary>Position error (m) that counts as reached.</summary>
    public double PositionTolerance { get; init; } = 1e-3;

    /// <summary>Approach-axis error (rad) that counts as reached.</summary>
    public double ApproachTolerance { get; init; } = 0.02;

    /// <summary>λ of the damped least squares: larger is steadier near singularities, slower elsewhere.</summary>
    public double Damping { get; init; } = 0.02;

    /// <summary>Metres of position error one radian of approach error weighs as.</summary>
    public double OrientationWeight { get; init; } = 0.2;

    /// <summary>Largest joint change (rad or m) per iteration.</summary>
    public double MaxStep { get; init; } = 0.2;
}
