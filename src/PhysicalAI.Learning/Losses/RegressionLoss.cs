namespace PhysicalAI.Learning.Losses;

/// <summary>Which distance between predicted and demonstrated actions training minimizes.</summary>
public enum RegressionLoss
{
    /// <summary>Mean squared error.</summary>
    Mse,

    /// <summary>Mean absolute error, as ACT trains its chunks: less pulled by rare large errors.</summary>
    L1,
}
