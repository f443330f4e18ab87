namespace PhysicalAI.Safety;

/// <summary>The safety controller's settings (the node's parameters), SI units.</summary>
public sealed record SafetyControllerOptions
{
    /// <summary>Control period, s (500 Hz by default).</summary>
    public double Period { get; init; } = 0.002;

    /// <summary>The active source's commands older than this stop the arm (MoveIt Servo's default), s.</summary>
    public double CommandTimeout { get; init; } = 0.1;

    /// <summary>Joint states older than this are a fault, s.</summary>
    public double StateTimeout { get; init; } = 0.1;

    /// <summary>Measured position further than this from the setpoint is a fault, rad or m.</summary>
    public double FeedbackTolerance { get; init; } = 0.2;

    /// <summary>An action chunk's first point may be at most this far from the present setpoint, rad or m.</summary>
    public double MaxStartJump { get; init; } = 0.1;

    /// <summary>What to do with an action chunk faster than the velocity limits.</summary>
    public ChunkTiming ChunkTiming { get; init; } = ChunkTiming.TimeScale;

    /// <summary>Most points an action chunk may have.</summary>
    public int MaxChunkPoints { get; init; } = 256;

    /// <summary>Whether the controller is armed at start.</summary>
    public bool StartEnabled { get; init; }
}
