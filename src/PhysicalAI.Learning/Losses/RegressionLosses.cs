namespace PhysicalAI.Learning.Losses;

/// <summary>The losses of <see cref="RegressionLoss"/>: mean over the values of one sample, and its gradient.</summary>
public static class RegressionLosses
{
    /// <summary>The loss of <paramref name="prediction"/> against <paramref name="target"/>; writes d loss / d prediction, times <paramref name="gradientScale"/>.</summary>
    public static double Evaluate(RegressionLoss kind, ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, Span<float> gradient, float gradientScale = 1)
    {
        if (prediction.Length != target.Length || gradient.Length != target.Length)
        {
            throw new ArgumentException($"prediction ({prediction.Length}), target ({target.Length}) and gradient ({gradient.Length}) must have one length");
        }

        double sum = 0;
        float n = target.Length;
        for (int i = 0; i < target.Length; i++)
        {
            float e = prediction[i] - target[i];
            if (kind == RegressionLoss.Mse)
            {
                sum += e * e;
                gradient[i] = 2 * e / n * gradientScale;
            }
            else
            {
                sum += Math.Abs(e);
                gradient[i] = Math.Sign(e) / n * gradientScale;
            }
        }

        return sum / n;
    }
}
