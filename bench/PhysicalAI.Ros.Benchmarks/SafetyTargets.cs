using System.Diagnostics;
using BenchmarkDotNet.Reports;
using PhysicalAI.Safety;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>
/// Prints the safety target next to what was measured: BenchmarkDotNet's mean and allocation, and the
/// distribution of single cycles (p50/p99/max of 200,000 cycles timed one by one, after warming up) — the p99 is the target.
/// </summary>
internal static class SafetyTargets
{
    private const int Cycles = 200_000;

    public static int Report(Summary summary)
    {
        BenchmarkReport report = summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(SafetyCycleBenchmark.SafetyControllerCycle));
        double meanNs = report.ResultStatistics?.Mean ?? double.NaN;
        long bytes = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;

        // This process runs the report, not the benchmark: warm it up until tiered compilation has
        // settled, so the distribution is of the steady state the node runs in.
        var cycle = new SafetyCycle();
        for (int round = 0; round < 5; round++)
        {
            for (int i = 0; i < Cycles / 4; i++)
            {
                cycle.Run();
            }

            Thread.Sleep(200);
        }

        var ticks = new long[Cycles];
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Cycles; i++)
        {
            long start = Stopwatch.GetTimestamp();
            cycle.Run();
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Array.Sort(ticks);
        double Us(long t) => t * 1e6 / Stopwatch.Frequency;
        double p50 = Us(ticks[Cycles / 2]), p99 = Us(ticks[(int)(Cycles * 0.99)]), max = Us(ticks[^1]);
        SafetyStatus status = cycle.Controller.Status;
        bool met = p99 <= 10 && bytes == 0 && allocated == 0;

        Console.WriteLine();
        Console.WriteLine($"Safety target ({cycle.Joints} joints, every check including the workspace forward kinematics)");
        Console.WriteLine($"  BenchmarkDotNet: {meanNs / 1e3:F3} µs mean, {bytes} B allocated per cycle");
        Console.WriteLine($"  {Cycles:N0} cycles timed one by one: p50 {p50:F3} µs, p99 {p99:F3} µs, max {max:F1} µs; {allocated} B allocated in all  [target p99 <= 10 µs and 0 B: {(met ? "met" : "NOT MET")}]");
        Console.WriteLine($"  (the limiter acted over the run: velocity {status.InterventionCount(Interventions.Velocity)}, acceleration {status.InterventionCount(Interventions.Acceleration)}, jerk {status.InterventionCount(Interventions.Jerk)} cycles; state {cycle.Controller.State})");
        Console.WriteLine($"  GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, latency mode {System.Runtime.GCSettings.LatencyMode}");
        return met ? 0 : 1;
    }
}
