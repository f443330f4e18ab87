using BenchmarkDotNet.Reports;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>Prints the render target next to what was measured, and saves the frame as a PNG to look at.</summary>
internal static class RenderTargets
{
    public static int Report(Summary summary)
    {
        BenchmarkReport report = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(RenderBenchmark.RenderTableTopScene));
        double ns = report.ResultStatistics?.Median ?? double.NaN;
        long bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
        bool met = ns <= 2_000_000 && bytes == 0;

        var benchmark = new RenderBenchmark();
        benchmark.RenderTableTopScene();
        string png = Path.Combine(summary.ResultsDirectoryPath, "render-table-top-scene.png");
        using (FileStream file = File.Create(png))
        {
            PngWriter.WriteRgb8(file, TableTopScene.Camera.Width, TableTopScene.Camera.Height, benchmark.Frame);
        }

        Console.WriteLine();
        Console.WriteLine("Render target (median, memory diagnoser)");
        Console.WriteLine($"  Render one 320x240 frame of the default scene ({TableTopScene.Shapes.Length} shapes): {ns / 1e6:F3} ms median, {bytes} B allocated  [target <= 2 ms and 0 B: {(met ? "met" : "NOT MET")}]");
        Console.WriteLine($"  Frame saved to {png}");
        return met ? 0 : 1;
    }
}
