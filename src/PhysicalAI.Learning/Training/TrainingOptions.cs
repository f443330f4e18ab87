using PhysicalAI.Learning.Losses;

namespace PhysicalAI.Learning.Training;

/// <summary>How behaviour cloning runs: epochs, batches, the learning-rate schedule, the loss, threads and seed.</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 20;

    public int BatchSize { get; init; } = 64;

    /// <summary>Adam's learning rate at the start; it falls along a cosine to <see cref="FinalLearningRate"/>.</summary>
    public double LearningRate { get; init; } = 2e-3;

    public double FinalLearningRate { get; init; } = 3e-5;

    public RegressionLoss Loss { get; init; } = RegressionLoss.L1;

    /// <summary>Threads the batch is split over.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Seeds the shuffling (the weights are seeded where the network is made).</summary>
    public int Seed { get; init; }

    /// <summary>Share of episodes (the last ones) kept out of training to report a validation loss.</summary>
    public double ValidationFraction { get; init; } = 0.05;
}
