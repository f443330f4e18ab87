using BenchmarkDotNet.Reports;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>Prints the simulation targets (render, forward kinematics) next to what was measured, and saves the frame as a PNG to look at.</summary>
internal static class SimTargets
{
    public static int Report(Summary render, Summary kinematics)
    {
        (double renderNs, long renderBytes) = Measured(render, nameof(RenderBenchmark.RenderDefaultScene));
        (double toolNs, long toolBytes) = Measured(kinematics, nameof(KinematicsBenchmark.ToolPose));
        (double linksNs, long linksBytes) = Measured(kinematics, nameof(KinematicsBenchmark.AllLinkPoses));
        bool renderMet = renderNs <= 2_000_000 && renderBytes == 0;
        bool fkMet = toolNs <= 1_000 && toolBytes == 0;

        var benchmark = new RenderBenchmark();
        benchmark.RenderDefaultScene();
        var kinematicsInfo = new KinematicsBenchmark();
        string png = Path.Combine(render.ResultsDirectoryPath, "render-default-scene.png");
        using (FileStream file = File.Create(png))
        {
            PngWriter.WriteRgb8(file, benchmark.Scene.Camera.Spec.Width, benchmark.Scene.Camera.Spec.Height, benchmark.Scene.Camera.Image);
        }

        Console.WriteLine();
        Console.WriteLine("Simulation targets (median, memory diagnoser)");
        Console.WriteLine($"  Render one 320x240 frame of the default scene ({benchmark.Scene.Shapes.Shapes.Length} shapes): {renderNs / 1e6:F3} ms, {renderBytes} B allocated  [target <= 2 ms and 0 B: {(renderMet ? "met" : "NOT MET")}]");
        Console.WriteLine($"  Forward kinematics, tool pose through {kinematicsInfo.ChainJoints} joints: {toolNs / 1e3:F3} µs, {toolBytes} B allocated  [target <= 1 µs and 0 B: {(fkMet ? "met" : "NOT MET")}]");
        Console.WriteLine($"  (for scale) all {kinematicsInfo.LinkCount} link poses: {linksNs / 1e3:F3} µs, {linksBytes} B allocated");
        Console.WriteLine($"  Frame saved to {png}");
        return renderMet && fkMet ? 0 : 1;
    }

    private static (double Nanoseconds, long Bytes) Measured(Summary summary, string method)
    {
        BenchmarkReport report = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        return (report.ResultStatistics?.Median ?? double.NaN, report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1);
    }
}
