namespace PhysicalAI.Learning.Tests;

/// <summary>
/// Central finite differences of a scalar function of float values, compared with an analytic gradient.
/// Float32 forward passes limit the agreement, so the step is large-ish and the tolerance relative.
/// </summary>
internal static class GradientCheck
{
    public static void Matches(float[] values, ReadOnlySpan<float> analytic, Func<double> loss, string what, double step = 1e-2, double tolerance = 2e-2)
    {
        Assert.That(analytic.Length, Is.EqualTo(values.Length), what);
        double worst = 0;
        int worstIndex = -1;
        double scale = 0;
        for (int i = 0; i < values.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(analytic[i]));
        }

        for (int i = 0; i < values.Length; i++)
        {
            float original = values[i];
            values[i] = (float)(original + step);
            double plus = loss();
            values[i] = (float)(original - step);
            double minus = loss();
            values[i] = original;
            double numeric = (plus - minus) / (2 * step);
            double error = Math.Abs(numeric - analytic[i]) / Math.Max(scale, 1e-3);
            if (error > worst)
            {
                (worst, worstIndex) = (error, i);
            }
        }

        Assert.That(worst, Is.LessThan(tolerance), $"{what}: worst relative error at [{worstIndex}] of {values.Length}");
    }

    public static float[] Random(Random random, int length, double scale = 1) =>
        [.. Enumerable.Range(0, length).Select(_ => (float)(scale * ((2 * random.NextDouble()) - 1)))];

    /// <summary>Σ rᵢ·yᵢ: a scalar whose gradient with respect to y is r.</summary>
    public static double Project(ReadOnlySpan<float> y, ReadOnlySpan<float> r)
    {
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            sum += y[i] * (double)r[i];
        }

        return sum;
    }
}
