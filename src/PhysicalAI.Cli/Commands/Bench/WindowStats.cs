using System.Globalization;

namespace PhysicalAI.Cli.Commands.Bench;

/// <summary>
/// Per-second statistics, aggregated the way the benchmark compares them with ddsperf (which prints one
/// line per second): the median over the 1-second windows after a warm-up.
/// </summary>
internal static class WindowStats
{
    public static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        int index = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    /// <summary>The median of the windows after the first <paramref name="skipped"/> (a warm-up); NaN windows are left out.</summary>
    public static double MedianAfter(IReadOnlyList<double> windows, int skipped) =>
        Median([.. windows.Skip(Math.Min(skipped, Math.Max(0, windows.Count - 1)))]);

    /// <summary>The median of <paramref name="values"/>, NaN left out (NaN when none is left).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        List<double> kept = [.. values.Where(v => !double.IsNaN(v)).Order()];
        if (kept.Count == 0)
        {
            return double.NaN;
        }

        return kept.Count % 2 == 1 ? kept[kept.Count / 2] : (kept[(kept.Count / 2) - 1] + kept[kept.Count / 2]) / 2;
    }

    public static string Format(double value, string format = "F1") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
