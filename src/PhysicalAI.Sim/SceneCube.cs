using PhysicalAI.Robot;

namespace PhysicalAI.Sim;

/// <summary>A cube resting on the table.</summary>
/// <param name="Color">Its colour.</param>
/// <param name="Center">Its centre in the robot's base frame, m.</param>
/// <param name="Size">Edge length, m.</param>
/// <param name="Yaw">Rotation about the vertical, rad.</param>
public sealed record SceneCube(CubeColor Color, Vector3d Center, double Size, double Yaw)
{
    /// <summary>The point "just above" the cube the reach task aims at: 3 cm above its top face.</summary>
    public Vector3d GoalPoint => Center + new Vector3d(0, 0, (Size / 2) + Scene.GoalClearance);
}
