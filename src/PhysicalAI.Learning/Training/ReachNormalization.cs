using PhysicalAI.Learning.Demonstrations;

namespace PhysicalAI.Learning.Training;

/// <summary>
/// Mean and standard deviation per joint of the observed state and of the action deltas (target − observed
/// position, over every row of every chunk), from the demonstrations; the card ships them, so the runtime
/// normalizes and un-normalizes exactly as training did.
/// </summary>
public sealed record ReachNormalization(double[] StateMean, double[] StateStd, double[] ActionMean, double[] ActionStd)
{
    // A joint the demonstrations never move would otherwise divide by zero.
    private const double MinStd = 1e-3;

    /// <summary>The statistics of <paramref name="data"/>.</summary>
    public static ReachNormalization Compute(DemonstrationSet data)
    {
        int joints = data.Joints;
        var stateSum = new double[joints];
        var stateSquares = new double[joints];
        var actionSum = new double[joints];
        var actionSquares = new double[joints];
        for (int n = 0; n < data.Count; n++)
        {
            ReadOnlySpan<float> state = data.State(n), target = data.Target(n);
            for (int j = 0; j < joints; j++)
            {
                stateSum[j] += state[j];
                stateSquares[j] += state[j] * (double)state[j];
                for (int k = 0; k < data.Horizon; k++)
                {
                    double delta = target[(k * joints) + j] - state[j];
                    actionSum[j] += delta;
                    actionSquares[j] += delta * delta;
                }
            }
        }

        double states = data.Count, actions = (double)data.Count * data.Horizon;
        double[] Mean(double[] sum, double count) => [.. sum.Select(s => s / count)];
        double[] Std(double[] sum, double[] squares, double count) =>
            [.. sum.Select((s, j) => Math.Max(MinStd, Math.Sqrt(Math.Max(0, (squares[j] / count) - ((s / count) * (s / count))))))];
        return new ReachNormalization(Mean(stateSum, states), Std(stateSum, stateSquares, states), Mean(actionSum, actions), Std(actionSum, actionSquares, actions));
    }

    /// <summary>A state in the model's units.</summary>
    public void NormalizeState(ReadOnlySpan<float> state, Span<float> model)
    {
        for (int j = 0; j < StateMean.Length; j++)
        {
            model[j] = (float)((state[j] - StateMean[j]) / StateStd[j]);
        }
    }

    /// <summary>A chunk of absolute targets as the model's normalized deltas from <paramref name="state"/>.</summary>
    public void NormalizeChunk(ReadOnlySpan<float> state, ReadOnlySpan<float> targets, Span<float> model)
    {
        int joints = StateMean.Length;
        for (int i = 0; i < targets.Length; i++)
        {
            int j = i % joints;
            model[i] = (float)((targets[i] - state[j] - ActionMean[j]) / ActionStd[j]);
        }
    }

    /// <summary>The model's normalized chunk back to absolute targets from <paramref name="state"/>.</summary>
    public void UnnormalizeChunk(ReadOnlySpan<float> state, ReadOnlySpan<float> model, Span<double> targets)
    {
        int joints = StateMean.Length;
        for (int i = 0; i < model.Length; i++)
        {
            int j = i % joints;
            targets[i] = (model[i] * ActionStd[j]) + ActionMean[j] + state[j];
        }
    }
}
