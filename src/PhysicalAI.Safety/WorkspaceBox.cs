using PhysicalAI.Robot;

namespace PhysicalAI.Safety;

/// <summary>An axis-aligned box the tool frame must stay in, in the robot's base frame, m.</summary>
public readonly record struct WorkspaceBox(Vector3d Min, Vector3d Max)
{
    /// <summary>How far <paramref name="point"/> is outside the box (0 inside), m.</summary>
    public double DistanceOutside(Vector3d point)
    {
        double dx = Math.Max(0, Math.Max(Min.X - point.X, point.X - Max.X));
        double dy = Math.Max(0, Math.Max(Min.Y - point.Y, point.Y - Max.Y));
        double dz = Math.Max(0, Math.Max(Min.Z - point.Z, point.Z - Max.Z));
        return Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
    }
}
