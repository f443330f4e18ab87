namespace PhysicalAI.Robot;

/// <summary>A URDF joint: how <see cref="Child"/> moves relative to <see cref="Parent"/>.</summary>
public sealed record Joint
{
    public required string Name { get; init; }

    public required JointType Type { get; init; }

    public required string Parent { get; init; }

    public required string Child { get; init; }

    /// <summary>The joint frame in the parent link's frame (URDF <c>&lt;origin&gt;</c>).</summary>
    public Transform3d Origin { get; init; } = Transform3d.Identity;

    /// <summary>Unit axis of rotation or translation in the joint frame (URDF default: x).</summary>
    public Vector3d Axis { get; init; } = Vector3d.UnitX;

    /// <summary>Limits from <c>&lt;limit&gt;</c> and <c>&lt;safety_controller&gt;</c>, possibly overridden from YAML.</summary>
    public JointLimits Limits { get; init; } = JointLimits.None;

    /// <summary>The joint this one mimics, or null.</summary>
    public JointMimic? Mimic { get; init; }

    /// <summary>Whether the joint moves (not fixed).</summary>
    public bool IsMovable => Type != JointType.Fixed;

    /// <summary>Whether the joint is commanded (movable and not a mimic).</summary>
    public bool IsActuated => IsMovable && Mimic is null;

    /// <summary>The child link's frame in the parent's at joint position <paramref name="position"/>.</summary>
    public Transform3d Transform(double position) => Type switch
    {
        JointType.Revolute or JointType.Continuous => Origin * Transform3d.FromAxisAngle(Axis, position),
        JointType.Prismatic => Origin * Transform3d.FromTranslation(Axis * position),
        _ => Origin,
    };
}
