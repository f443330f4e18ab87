namespace PhysicalAI.Cli.Evaluation;

/// <summary>Counters an evaluation reads from the nodes' diagnostics: safety interventions by kind, and the policy's figures.</summary>
internal sealed record EvaluationCounters
{
    public required IReadOnlyDictionary<string, long> Interventions { get; init; }

    public required long WatchdogStops { get; init; }

    public required long RejectedCommands { get; init; }

    public required long StaleSteps { get; init; }

    public required long OverBudget { get; init; }

    public required long Inferences { get; init; }

    public required string InferenceP50Ms { get; init; }

    public required string InferenceP99Ms { get; init; }
}
