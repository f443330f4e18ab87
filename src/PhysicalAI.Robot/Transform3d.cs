namespace PhysicalAI.Robot;

/// <summary>
/// A rigid transform: a rotation matrix and a translation, mapping points of a child frame into its parent
/// (as URDF origins and tf do). Stored flat so forward kinematics composes them without allocating.
/// </summary>
public readonly struct Transform3d : IEquatable<Transform3d>
{
    // Row-major rotation: R = [[R00 R01 R02] [R10 R11 R12] [R20 R21 R22]].
    public readonly double R00, R01, R02, R10, R11, R12, R20, R21, R22;

    /// <summary>The translation (the child frame's origin in the parent).</summary>
    public readonly Vector3d Translation;

    public Transform3d(double r00, double r01, double r02, double r10, double r11, double r12, double r20, double r21, double r22, Vector3d translation)
    {
        R00 = r00; R01 = r01; R02 = r02;
        R10 = r10; R11 = r11; R12 = r12;
        R20 = r20; R21 = r21; R22 = r22;
        Translation = translation;
    }

    /// <summary>No rotation, no translation.</summary>
    public static Transform3d Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1, Vector3d.Zero);

    /// <summary>The first column of the rotation: the child's x axis in the parent.</summary>
    public Vector3d AxisX => new(R00, R10, R20);

    /// <summary>The child's y axis in the parent.</summary>
    public Vector3d AxisY => new(R01, R11, R21);

    /// <summary>The child's z axis in the parent.</summary>
    public Vector3d AxisZ => new(R02, R12, R22);

    /// <summary>A pure translation.</summary>
    public static Transform3d FromTranslation(Vector3d t) => new(1, 0, 0, 0, 1, 0, 0, 0, 1, t);

    /// <summary>
    /// URDF's <c>&lt;origin xyz rpy&gt;</c>: translation, then fixed-axis roll about x, pitch about y, yaw
    /// about z (R = Rz(yaw)·Ry(pitch)·Rx(roll)).
    /// </summary>
    public static Transform3d FromXyzRpy(Vector3d xyz, double roll, double pitch, double yaw)
    {
        double cr = Math.Cos(roll), sr = Math.Sin(roll);
        double cp = Math.Cos(pitch), sp = Math.Sin(pitch);
        double cy = Math.Cos(yaw), sy = Math.Sin(yaw);
        return new Transform3d(
            cy * cp, (cy * sp * sr) - (sy * cr), (cy * sp * cr) + (sy * sr),
            sy * cp, (sy * sp * sr) + (cy * cr), (sy * sp * cr) - (cy * sr),
            -sp, cp * sr, cp * cr,
            xyz);
    }

    /// <summary>A rotation of <paramref name="angle"/> radians about the unit <paramref name="axis"/> (Rodrigues' formula).</summary>
    public static Transform3d FromAxisAngle(Vector3d axis, double angle)
    {
        double c = Math.Cos(angle), s = Math.Sin(angle), t = 1 - c;
        double x = axis.X, y = axis.Y, z = axis.Z;
        return new Transform3d(
            (t * x * x) + c, (t * x * y) - (s * z), (t * x * z) + (s * y),
            (t * x * y) + (s * z), (t * y * y) + c, (t * y * z) - (s * x),
            (t * x * z) - (s * y), (t * y * z) + (s * x), (t * z * z) + c,
            Vector3d.Zero);
    }

    /// <summary>Composition: <c>a * b</c> maps b's child frame through b, then a (a is the parent of b).</summary>
    public static Transform3d operator *(in Transform3d a, in Transform3d b) => new(
        (a.R00 * b.R00) + (a.R01 * b.R10) + (a.R02 * b.R20),
        (a.R00 * b.R01) + (a.R01 * b.R11) + (a.R02 * b.R21),
        (a.R00 * b.R02) + (a.R01 * b.R12) + (a.R02 * b.R22),
        (a.R10 * b.R00) + (a.R11 * b.R10) + (a.R12 * b.R20),
        (a.R10 * b.R01) + (a.R11 * b.R11) + (a.R12 * b.R21),
        (a.R10 * b.R02) + (a.R11 * b.R12) + (a.R12 * b.R22),
        (a.R20 * b.R00) + (a.R21 * b.R10) + (a.R22 * b.R20),
        (a.R20 * b.R01) + (a.R21 * b.R11) + (a.R22 * b.R21),
        (a.R20 * b.R02) + (a.R21 * b.R12) + (a.R22 * b.R22),
        a.TransformPoint(b.Translation));

    /// <summary>A point of the child frame in the parent frame.</summary>
    public Vector3d TransformPoint(Vector3d p) => Rotate(p) + Translation;

    /// <summary>A direction of the child frame in the parent frame (rotation only).</summary>
    public Vector3d Rotate(Vector3d v) => new(
        (R00 * v.X) + (R01 * v.Y) + (R02 * v.Z),
        (R10 * v.X) + (R11 * v.Y) + (R12 * v.Z),
        (R20 * v.X) + (R21 * v.Y) + (R22 * v.Z));

    /// <summary>The inverse transform (parent into child).</summary>
    public Transform3d Inverse()
    {
        var inverse = new Transform3d(R00, R10, R20, R01, R11, R21, R02, R12, R22, Vector3d.Zero);
        return new Transform3d(R00, R10, R20, R01, R11, R21, R02, R12, R22, -inverse.Rotate(Translation));
    }

    /// <summary>The rotation as a unit quaternion (x, y, z, w), as geometry_msgs/Quaternion holds it.</summary>
    public (double X, double Y, double Z, double W) ToQuaternion()
    {
        double trace = R00 + R11 + R22;
        if (trace > 0)
        {
            double s = Math.Sqrt(trace + 1.0) * 2;
            return ((R21 - R12) / s, (R02 - R20) / s, (R10 - R01) / s, 0.25 * s);
        }

        if (R00 > R11 && R00 > R22)
        {
            double s = Math.Sqrt(1.0 + R00 - R11 - R22) * 2;
            return (0.25 * s, (R01 + R10) / s, (R02 + R20) / s, (R21 - R12) / s);
        }

        if (R11 > R22)
        {
            double s = Math.Sqrt(1.0 + R11 - R00 - R22) * 2;
            return ((R01 + R10) / s, 0.25 * s, (R12 + R21) / s, (R02 - R20) / s);
        }

        double t = Math.Sqrt(1.0 + R22 - R00 - R11) * 2;
        return ((R02 + R20) / t, (R12 + R21) / t, 0.25 * t, (R10 - R01) / t);
    }

    /// <inheritdoc/>
    public bool Equals(Transform3d other) =>
        R00 == other.R00 && R01 == other.R01 && R02 == other.R02 && R10 == other.R10 && R11 == other.R11 && R12 == other.R12
        && R20 == other.R20 && R21 == other.R21 && R22 == other.R22 && Translation == other.Translation;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Transform3d t && Equals(t);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(R00, R11, R22, Translation);

    public static bool operator ==(Transform3d a, Transform3d b) => a.Equals(b);

    public static bool operator !=(Transform3d a, Transform3d b) => !a.Equals(b);

    /// <inheritdoc/>
    public override string ToString() => $"Transform3d(t={Translation}, x={AxisX}, y={AxisY}, z={AxisZ})";
}
