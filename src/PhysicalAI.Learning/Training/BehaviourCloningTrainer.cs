using System.Diagnostics;
using System.Numerics.Tensors;
using PhysicalAI.Learning.Demonstrations;
using PhysicalAI.Learning.Losses;
using PhysicalAI.Learning.Optimization;
using PhysicalAI.Learning.Reach;

namespace PhysicalAI.Learning.Training;

/// <summary>
/// Behaviour cloning of a <see cref="ReachPolicyNetwork"/> on demonstrations: shuffled mini-batches, each
/// split over the workers (every worker runs its share of samples forward and backward into its own
/// gradients, which are then summed in a fixed order, so a seed gives the same weights on the same kind of
/// machine (SIMD width) with the same worker count), Adam on the batch-mean loss, a cosine learning-rate schedule.
/// </summary>
public sealed class BehaviourCloningTrainer
{
    private readonly ReachPolicyNetwork _network;
    private readonly DemonstrationSet _data;
    private readonly TrainingOptions _options;
    private readonly float[] _states;
    private readonly float[] _targets;
    private readonly int[] _training;
    private readonly int[] _validation;
    private readonly ReachPolicyWorkspace[] _workspaces;

    public BehaviourCloningTrainer(ReachPolicyNetwork network, DemonstrationSet data, ReachNormalization normalization, TrainingOptions options)
    {
        (_network, _data, _options) = (network, data, options);
        int joints = data.Joints, chunk = data.Horizon * data.Joints;
        _states = new float[data.Count * joints];
        _targets = new float[data.Count * chunk];
        for (int n = 0; n < data.Count; n++)
        {
            normalization.NormalizeState(data.State(n), _states.AsSpan(n * joints, joints));
            normalization.NormalizeChunk(data.State(n), data.Target(n), _targets.AsSpan(n * chunk, chunk));
        }

        int firstValidation = data.Episodes.Count - (int)Math.Round(data.Episodes.Count * options.ValidationFraction);
        _training = [.. Enumerable.Range(0, data.Count).Where(n => data.EpisodeOf[n] < firstValidation)];
        _validation = [.. Enumerable.Range(0, data.Count).Where(n => data.EpisodeOf[n] >= firstValidation)];
        _workspaces = [.. Enumerable.Range(0, options.Workers).Select(_ => network.CreateWorkspace())];
    }

    /// <summary>Samples trained on.</summary>
    public int TrainingSamples => _training.Length;

    /// <summary>Samples held out for the validation loss.</summary>
    public int ValidationSamples => _validation.Length;

    /// <summary>Trains for the options' epochs; <paramref name="progress"/> gets each epoch's report.</summary>
    public IReadOnlyList<EpochReport> Train(Action<EpochReport>? progress = null)
    {
        var adam = new Adam(_network.Parameters, _options.LearningRate);
        var random = new Random(_options.Seed);
        int[] order = (int[])_training.Clone();
        int batches = (order.Length + _options.BatchSize - 1) / _options.BatchSize;
        long totalSteps = (long)batches * _options.Epochs;
        var reports = new List<EpochReport>();
        var clock = Stopwatch.StartNew();
        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            random.Shuffle(order);
            double lossSum = 0;
            for (int b = 0; b < batches; b++)
            {
                double progressFraction = (double)adam.Steps / totalSteps;
                adam.LearningRate = _options.FinalLearningRate + (0.5 * (_options.LearningRate - _options.FinalLearningRate) * (1 + Math.Cos(Math.PI * progressFraction)));
                int start = b * _options.BatchSize, count = Math.Min(_options.BatchSize, order.Length - start);
                lossSum += TrainBatch(order, start, count, adam) * count;
            }

            var report = new EpochReport(epoch, _options.Epochs, lossSum / order.Length, Validate(), adam.LearningRate, clock.Elapsed);
            reports.Add(report);
            progress?.Invoke(report);
        }

        return reports;
    }

    /// <summary>The mean loss over the held-out samples (NaN when there are none).</summary>
    public double Validate() => _validation.Length == 0 ? double.NaN : Run(_validation, 0, _validation.Length, learn: false) / _validation.Length;

    private double TrainBatch(int[] order, int start, int count, Adam adam)
    {
        double loss = Run(order, start, count, learn: true);
        float[][] total = _workspaces[0].Gradients;
        for (int w = 1; w < _workspaces.Length; w++)
        {
            for (int p = 0; p < total.Length; p++)
            {
                TensorPrimitives.Add(total[p], _workspaces[w].Gradients[p], total[p]);
            }
        }

        adam.Step(total);
        return loss / count;
    }

    /// <summary>Runs <paramref name="count"/> samples of <paramref name="samples"/> from <paramref name="start"/> through the network on the workers; with <paramref name="learn"/>, leaves each worker's gradients of the mean loss. Returns the summed loss.</summary>
    private double Run(int[] samples, int start, int count, bool learn)
    {
        var losses = new double[_workspaces.Length];
        float scale = 1f / count;
        int chunk = _data.Horizon * _data.Joints, joints = _data.Joints;
        Parallel.For(
            0,
            _workspaces.Length,
            new ParallelOptions { MaxDegreeOfParallelism = _workspaces.Length },
            w =>
            {
                ReachPolicyWorkspace workspace = _workspaces[w];
                if (learn)
                {
                    workspace.ClearGradients();
                }

                double sum = 0;
                for (int i = w; i < count; i += _workspaces.Length)
                {
                    int n = samples[start + i];
                    _network.Forward(_data.Image(n), _data.SampleIds(n), _data.SampleMask(n), _states.AsSpan(n * joints, joints), workspace);
                    sum += RegressionLosses.Evaluate(_options.Loss, workspace.Output, _targets.AsSpan(n * chunk, chunk), workspace.OutputGradient, scale);
                    if (learn)
                    {
                        _network.Backward(_data.SampleIds(n), _data.SampleMask(n), workspace);
                    }
                }

                losses[w] = sum;
            });

        return losses.Sum();
    }
}
