namespace PhysicalAI.Safety;

/// <summary>What to do with an action chunk whose steps are faster than the velocity limits allow.</summary>
public enum ChunkTiming
{
    /// <summary>Stretch the chunk's timing so every step is within the limits.</summary>
    TimeScale,

    /// <summary>Reject the chunk.</summary>
    Reject,
}
