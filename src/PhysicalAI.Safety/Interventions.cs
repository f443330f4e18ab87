namespace PhysicalAI.Safety;

/// <summary>Which rules changed a cycle's output (several may act at once).</summary>
[Flags]
public enum Interventions
{
    None = 0,

    /// <summary>A target beyond the soft position limits was clamped to them.</summary>
    SoftPositionLimit = 1 << 0,

    /// <summary>The joint braked so it can stop before its soft position limit.</summary>
    BrakingDistance = 1 << 1,

    /// <summary>The speed toward the target was held to the velocity limit × speed scale.</summary>
    Velocity = 1 << 2,

    /// <summary>The acceleration toward the target was held to the acceleration or deceleration limit.</summary>
    Acceleration = 1 << 3,

    /// <summary>The change of acceleration was held to the jerk limit.</summary>
    Jerk = 1 << 4,

    /// <summary>The arm braked so the tool stops inside the workspace box (or at least no further out).</summary>
    Workspace = 1 << 5,
}
