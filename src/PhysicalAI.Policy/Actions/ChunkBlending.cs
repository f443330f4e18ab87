namespace PhysicalAI.Policy.Actions;

/// <summary>How a new action chunk is merged with the actions still queued.</summary>
public enum ChunkBlending
{
    /// <summary>The new chunk replaces what is queued.</summary>
    None,

    /// <summary>
    /// ACT's temporal ensembling: every prediction for a step is averaged, the i-th oldest weighted
    /// exp(−coefficient · i) (older predictions count more for a positive coefficient).
    /// </summary>
    TemporalEnsemble,

    /// <summary>LeRobot's async overlap: where old and new chunks overlap, old × (1 − w) + new × w (w = 0.7 by default).</summary>
    WeightedOverlap,
}
