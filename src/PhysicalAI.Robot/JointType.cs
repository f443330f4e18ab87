namespace PhysicalAI.Robot;

/// <summary>URDF joint types this model handles.</summary>
public enum JointType
{
    /// <summary>Rotation about the axis within position limits.</summary>
    Revolute,

    /// <summary>Rotation about the axis without position limits.</summary>
    Continuous,

    /// <summary>Translation along the axis within position limits.</summary>
    Prismatic,

    /// <summary>No motion.</summary>
    Fixed,
}
