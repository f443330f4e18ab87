using BenchmarkDotNet.Reports;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>Prints the transport allocation targets next to what the memory diagnoser measured.</summary>
internal static class AllocationTargets
{
    public static int Report(Summary summary)
    {
        bool ok = true;
        Console.WriteLine();
        Console.WriteLine("Hot-path allocations per operation (memory diagnoser)");
        foreach (BenchmarkReport report in summary.Reports)
        {
            long bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
            double ns = report.ResultStatistics?.Median ?? double.NaN;
            bool met = bytes == 0;
            ok &= met;
            Console.WriteLine($"  {report.BenchmarkCase.Descriptor.WorkloadMethod.Name}: {bytes} B, {ns / 1000:F2} us median  [target 0 B: {(met ? "met" : "NOT MET")}]");
        }

        return ok ? 0 : 1;
    }
}
