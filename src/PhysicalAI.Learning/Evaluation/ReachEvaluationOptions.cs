namespace PhysicalAI.Learning.Evaluation;

/// <summary>Which episodes an evaluation runs and how.</summary>
public sealed record ReachEvaluationOptions
{
    /// <summary>First scene seed; held-out seeds are below <see cref="Demonstrations.DemonstrationOptions.TrainingSeedStart"/>.</summary>
    public int FirstSeed { get; init; }

    public int Episodes { get; init; } = 100;

    /// <summary>Simulated seconds an episode may take, s.</summary>
    public double Timeout { get; init; } = ReachEvaluationEpisodes.DefaultTimeout;

    public EvaluationAblation Ablation { get; init; } = EvaluationAblation.None;

    /// <summary>Joint dynamics are integrated at this rate, Hz (sim_arm's physics_rate).</summary>
    public double PhysicsRate { get; init; } = 1000;
}
