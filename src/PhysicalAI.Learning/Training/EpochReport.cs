namespace PhysicalAI.Learning.Training;

/// <summary>One finished epoch: mean training loss, validation loss (NaN without validation data), and time since training began.</summary>
public sealed record EpochReport(int Epoch, int Epochs, double TrainingLoss, double ValidationLoss, double LearningRate, TimeSpan Elapsed);
