using BenchmarkDotNet.Reports;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>Prints the preprocessing target next to what was measured, per resize mode.</summary>
internal static class PolicyTargets
{
    public static int Report(Summary summary)
    {
        bool met = true;
        Console.WriteLine();
        Console.WriteLine("Policy targets (median, memory diagnoser, one thread)");
        foreach (BenchmarkReport report in summary.Reports)
        {
            double ns = report.ResultStatistics?.Median ?? double.NaN;
            long bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
            bool ok = ns <= 1_000_000 && bytes == 0;
            met &= ok;
            Console.WriteLine($"  640x480 rgb8 -> 224x224 NCHW normalized, {report.BenchmarkCase.Parameters["Mode"]}: {ns / 1e6:F3} ms, {bytes} B allocated  [target <= 1 ms and 0 B: {(ok ? "met" : "NOT MET")}]");
        }

        return met ? 0 : 1;
    }
}
