using System.Globalization;
using System.Text;

namespace PhysicalAI.Learning.Evaluation;

/// <summary>Success over a set of episodes: overall and per target colour with 95% Wilson intervals, and the time to success.</summary>
public sealed class EvaluationSummary(IReadOnlyList<EpisodeOutcome> outcomes)
{
    public IReadOnlyList<EpisodeOutcome> Outcomes { get; } = outcomes;

    public int Episodes => Outcomes.Count;

    public int Successes => Outcomes.Count(o => o.Succeeded);

    public double SuccessRate => Episodes == 0 ? double.NaN : (double)Successes / Episodes;

    /// <summary>Share of episodes in which the tool reached the cube the instruction named.</summary>
    public double InstructedRate => Episodes == 0 ? double.NaN : (double)Outcomes.Count(o => o.ReachedInstructed) / Episodes;

    /// <summary>Per colour: episodes, successes, and the 95% Wilson interval of the rate.</summary>
    public IReadOnlyList<(string Color, int Episodes, int Successes, double Low, double High)> ByColor =>
        [.. Outcomes.GroupBy(o => o.Color).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            int n = g.Count(), k = g.Count(o => o.Succeeded);
            (double low, double high) = Wilson(k, n);
            return (g.Key, n, k, low, high);
        })];

    /// <summary>Median time to success over the successful episodes, s (NaN without any).</summary>
    public double MedianSuccessTime
    {
        get
        {
            double[] times = [.. Outcomes.Where(o => o.Succeeded).Select(o => o.SuccessTime).Order()];
            return times.Length == 0 ? double.NaN : times[times.Length / 2];
        }
    }

    /// <summary>The 95% Wilson score interval of <paramref name="successes"/> in <paramref name="trials"/>.</summary>
    public static (double Low, double High) Wilson(int successes, int trials)
    {
        if (trials == 0)
        {
            return (0, 1);
        }

        const double z = 1.959964;
        double p = (double)successes / trials, z2 = z * z / trials;
        double centre = (p + (z2 / 2)) / (1 + z2);
        double half = z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4 * trials))) / (1 + z2);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>The summary as text: overall success, a table by colour, time to success.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"success: {100 * SuccessRate:0.0}% ({Successes}/{Episodes})");
        text.AppendLine("| colour | episodes | success | 95% CI |");
        text.AppendLine("|---|---|---|---|");
        foreach ((string color, int n, int k, double low, double high) in ByColor)
        {
            text.AppendLine(c, $"| {color} | {n} | {100.0 * k / n:0.0}% ({k}/{n}) | {100 * low:0.0}–{100 * high:0.0}% |");
        }

        text.AppendLine(c, $"median time to success: {MedianSuccessTime:0.00} s");
        return text.ToString();
    }
}
