namespace PhysicalAI.Sim;

/// <summary>
/// A table-top scene: the table under the robot's base (its top at z = 0) and 3-5 coloured cubes of
/// distinct colours placed at random in front of the robot, all decided by a seed, and which cube the task
/// names. The same seed always gives the same scene.
/// </summary>
public sealed record Scene
{
    /// <summary>Height of the task's goal point above a cube's top face, m.</summary>
    public const double GoalClearance = 0.03;

    /// <summary>The seed the scene was made from.</summary>
    public required int Seed { get; init; }

    /// <summary>The cubes.</summary>
    public required IReadOnlyList<SceneCube> Cubes { get; init; }

    /// <summary>The cube the task is about.</summary>
    public required SceneCube Target { get; init; }

    /// <summary>The instruction an operator would give: "reach the red cube".</summary>
    public string Instruction => $"reach the {Target.Color.Name} cube";

    /// <summary>The table's size (x, y, thickness), m; its top is at z = 0, centred at <see cref="TableCenter"/>.</summary>
    public static (double X, double Y, double Thickness) TableSize => (0.9, 1.0, 0.04);

    /// <summary>The table's top centre in the base frame.</summary>
    public static Robot.Vector3d TableCenter => new(0.2, 0, 0);
}
