namespace PhysicalAI.Policy.Normalization;

/// <summary>How a policy card normalizes a feature (LeRobot's and openpi's modes).</summary>
public enum NormalizationKind
{
    /// <summary>Unchanged.</summary>
    Identity,

    /// <summary>(x − mean) / std.</summary>
    MeanStd,

    /// <summary>Mapped from [min, max] to [−1, 1].</summary>
    MinMax,

    /// <summary>Mapped from [q01, q99] to [−1, 1] (openpi).</summary>
    Quantiles,
}
