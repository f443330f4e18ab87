using BenchmarkDotNet.Reports;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>Reads the CDR benchmark summaries and prints each target next to what was measured.</summary>
internal static class CdrTargets
{
    public static int Report(Summary joint, Summary image)
    {
        BenchmarkReport roundTrip = Find(joint, nameof(JointStateRoundTripBenchmark.RoundTrip));
        BenchmarkReport copy = Find(image, nameof(ImageBandwidthBenchmark.SpanCopyTo));
        BenchmarkReport serialize = Find(image, nameof(ImageBandwidthBenchmark.Serialize));
        BenchmarkReport deserialize = Find(image, nameof(ImageBandwidthBenchmark.Deserialize));

        double roundTripNs = roundTrip.ResultStatistics!.Median;
        long roundTripBytes = roundTrip.GcStats.GetBytesAllocatedPerOperation(roundTrip.BenchmarkCase) ?? -1;
        double copyNs = copy.ResultStatistics!.Median;
        double serializeRatio = copyNs / serialize.ResultStatistics!.Median;
        double deserializeRatio = copyNs / deserialize.ResultStatistics!.Median;
        long serializeBytes = serialize.GcStats.GetBytesAllocatedPerOperation(serialize.BenchmarkCase) ?? -1;
        long deserializeBytes = deserialize.GcStats.GetBytesAllocatedPerOperation(deserialize.BenchmarkCase) ?? -1;
        const double Megabyte = 1e6;
        double copyMBps = 921_600 / (copyNs * 1e-9) / Megabyte;

        bool ok = true;
        Console.WriteLine();
        Console.WriteLine("CDR targets (medians, same run)");
        ok &= Line($"JointState 7 joints round trip: {roundTripNs / 1000:F3} us, {roundTripBytes} B allocated", roundTripNs <= 500 && roundTripBytes == 0, "<= 0.5 us and 0 B");
        Console.WriteLine($"  Span.CopyTo of 921,600 bytes: {copyNs / 1000:F1} us ({copyMBps:F0} MB/s)");
        ok &= Line($"Image 640x480 rgb8 serialize: {serialize.ResultStatistics.Median / 1000:F1} us = {serializeRatio:P0} of CopyTo bandwidth, {serializeBytes} B", serializeRatio >= 0.5, ">= 50%");
        ok &= Line($"Image 640x480 rgb8 deserialize (reused): {deserialize.ResultStatistics.Median / 1000:F1} us = {deserializeRatio:P0} of CopyTo bandwidth, {deserializeBytes} B", deserializeRatio >= 0.5, ">= 50%");
        return ok ? 0 : 1;
    }

    private static bool Line(string measured, bool met, string target)
    {
        Console.WriteLine($"  {measured}  [target {target}: {(met ? "met" : "NOT MET")}]");
        return met;
    }

    private static BenchmarkReport Find(Summary summary, string method) =>
        summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
}
