using System.Globalization;
using System.Text;
using PhysicalAI.Learning.Evaluation;
using PhysicalAI.Sim.Rendering;
using ScottPlot;

namespace PhysicalAI.Cli.Evaluation;

/// <summary>
/// The report folder of an evaluation: <c>summary.md</c> with the figures and every episode, and PNGs —
/// success by colour with 95% intervals, commanded against safe joint positions for the first episodes, and
/// their first camera frames with the goal marked.
/// </summary>
internal static class EvaluationReport
{
    /// <summary>Writes the report into <paramref name="folder"/>; returns the summary's path.</summary>
    public static string Write(string folder, string heading, IReadOnlyList<string> settings, EvaluationSummary summary, IReadOnlyList<string> figures, IReadOnlyList<EpisodeTrace> traces)
    {
        Directory.CreateDirectory(folder);
        CultureInfo c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"# {heading}").AppendLine();
        foreach (string s in settings)
        {
            md.AppendLine(c, $"- {s}");
        }

        md.AppendLine().AppendLine("## Success").AppendLine().Append(summary.Format()).AppendLine();
        foreach (string f in figures)
        {
            md.AppendLine(c, $"- {f}");
        }

        md.AppendLine().AppendLine("![success by colour](success_by_colour.png)").AppendLine();
        SuccessByColour(summary, Path.Combine(folder, "success_by_colour.png"));
        if (traces.Count > 0)
        {
            md.AppendLine("## Episodes traced").AppendLine();
            foreach (EpisodeTrace trace in traces)
            {
                string plot = $"trajectory_seed_{trace.Seed}.png";
                Trajectories(trace, Path.Combine(folder, plot));
                md.AppendLine(c, $"Seed {trace.Seed}, target {trace.Color}: ![commanded and safe positions]({plot})");
                if (trace.Frame is not null)
                {
                    string frame = $"frame_seed_{trace.Seed}.png";
                    MarkedFrame(trace, Path.Combine(folder, frame));
                    md.AppendLine(c, $"![first frame, goal marked]({frame})");
                }

                md.AppendLine();
            }
        }

        md.AppendLine("## Every episode").AppendLine().AppendLine("| seed | target | instruction | success | time, s | final distance, m |").AppendLine("|---|---|---|---|---|---|");
        foreach (EpisodeOutcome o in summary.Outcomes)
        {
            md.AppendLine(c, $"| {o.Seed} | {o.Color} | {o.Instruction} | {(o.Succeeded ? "yes" : "no")} | {(o.Succeeded ? o.SuccessTime.ToString("0.00", c) : "")} | {o.FinalDistance:0.000} |");
        }

        string path = Path.Combine(folder, "summary.md");
        File.WriteAllText(path, md.ToString());
        return path;
    }

    private static void SuccessByColour(EvaluationSummary summary, string path)
    {
        var plot = new Plot();
        var rows = summary.ByColor;
        var bars = new List<Bar>();
        for (int i = 0; i < rows.Count; i++)
        {
            (string color, int n, int k, double low, double high) = rows[i];
            bars.Add(new Bar { Position = i, Value = 100.0 * k / n, FillColor = ColourOf(color) });
            var interval = plot.Add.Line(i, 100 * low, i, 100 * high);
            interval.LineWidth = 2;
            interval.LineColor = Colors.Black;
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, rows.Count).Select(i => (double)i)], [.. rows.Select(r => $"{r.Color} ({r.Successes}/{r.Episodes})")]);
        plot.Axes.SetLimitsY(0, 105);
        plot.YLabel("success, % (95% Wilson interval)");
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Success by target colour: {100 * summary.SuccessRate:0.0}% overall"));
        plot.SavePng(path, 720, 420);
    }

    private static void Trajectories(EpisodeTrace trace, string path)
    {
        var plot = new Plot();
        Color[] palette = [Colors.Blue, Colors.Green, Colors.Red];
        for (int j = 0; j < EpisodeTrace.Joints; j++)
        {
            AddSeries(plot, trace.Commanded, j, palette[j], $"joint {j + 1} commanded", dashed: true);
            AddSeries(plot, trace.Safe, j, palette[j], $"joint {j + 1} safe", dashed: false);
        }

        plot.XLabel("time since enable, s");
        plot.YLabel("position, rad");
        plot.Title($"Seed {trace.Seed} ({trace.Color}): policy commands (dashed) and safety controller output");
        plot.ShowLegend();
        plot.SavePng(path, 900, 480);
    }

    private static void AddSeries(Plot plot, List<(double Time, double[] Positions)> samples, int joint, Color color, string label, bool dashed)
    {
        double[] xs = [.. samples.Where(s => !double.IsNaN(s.Positions[joint])).Select(s => s.Time)];
        double[] ys = [.. samples.Where(s => !double.IsNaN(s.Positions[joint])).Select(s => s.Positions[joint])];
        if (xs.Length == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(xs, ys, color);
        line.MarkerSize = 0;
        line.LineWidth = dashed ? 2 : 1.5f;
        line.LinePattern = dashed ? LinePattern.Dashed : LinePattern.Solid;
        line.LegendText = label;
    }

    /// <summary>The frame with a ring around the goal's pixel.</summary>
    private static void MarkedFrame(EpisodeTrace trace, string path)
    {
        byte[] rgb = [.. trace.Frame!];
        (double u, double v) = trace.Goal;
        if (!double.IsNaN(u))
        {
            for (int y = 0; y < trace.FrameHeight; y++)
            {
                for (int x = 0; x < trace.FrameWidth; x++)
                {
                    double r = Math.Sqrt(((x - u) * (x - u)) + ((y - v) * (y - v)));
                    if (r is >= 7 and <= 9)
                    {
                        int at = ((y * trace.FrameWidth) + x) * 3;
                        (rgb[at], rgb[at + 1], rgb[at + 2]) = ((byte)255, (byte)0, (byte)255);
                    }
                }
            }
        }

        using FileStream file = File.Create(path);
        PngWriter.WriteRgb8(file, trace.FrameWidth, trace.FrameHeight, rgb);
    }

    private static Color ColourOf(string name) =>
        PhysicalAI.Sim.CubeColor.Palette.FirstOrDefault(p => p.Name == name) is { } p ? new Color(p.R, p.G, p.B) : Colors.Gray;
}
