using System.Text.Json;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// <c>pai bench transport --json</c> end to end, briefly: every measurement (ddsperf's and ours) runs as
/// processes and lands in the JSON object as a finite figure, with the per-round ratios behind each
/// ratio. What the figures are is the benchmark's business, not a timed test's; only that each was
/// measured is asserted here.
/// </summary>
[NonParallelizable]
public class TransportBenchmarkProcessTests
{
    [OneTimeSetUp]
    public void BuildPai() => PaiLauncher.EnsureBuilt();

    [Test]
    public void Json_CarriesEveryMeasuredFigure()
    {
        using var bench = new ChildProcess(RepositoryRoot.Pai, ["bench", "transport", "--duration", "1", "--warmup", "1", "--rounds", "2", "--json"]);
        Assert.That(bench.WaitForExit(TimeSpan.FromMinutes(6)), Is.True, bench.Output);
        Assert.That(bench.ExitCode, Is.Zero, bench.Output);
        string json = bench.Lines.Last(l => l.StartsWith('{'));
        TestContext.Out.WriteLine(json);
        using JsonDocument report = JsonDocument.Parse(json);
        JsonElement root = report.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("rounds").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("warmup_s").GetInt32(), Is.EqualTo(1));
            JsonElement roundTrip = root.GetProperty("round_trip");
            Assert.That(roundTrip.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "64 B", "1 KB", "JointState (7 joints)" }));
            foreach (JsonProperty payload in roundTrip.EnumerateObject())
            {
                foreach (string who in new[] { "ddsperf_default_us", "ddsperf_waitset_us", "ours_us", "ours_receive_thread_us" })
                {
                    double[] p50p99 = [.. payload.Value.GetProperty(who).EnumerateArray().Select(e => e.GetDouble())];
                    Assert.That(p50p99, Has.Length.EqualTo(2), $"{payload.Name} {who}");
                    Assert.That(p50p99[0], Is.GreaterThan(0).And.LessThanOrEqualTo(p50p99[1]), $"{payload.Name} {who}: 0 < p50 <= p99");
                }

                double[] rounds = [.. payload.Value.GetProperty("ratio_p50_rounds").EnumerateArray().Select(e => e.GetDouble())];
                Assert.That(rounds, Has.Length.EqualTo(2).And.All.GreaterThan(0), payload.Name);
                Assert.That(payload.Value.GetProperty("ratio_p50").GetDouble(), Is.EqualTo(rounds.Average()).Within(0.0011), $"{payload.Name}: the median of two rounds is their mean");
                Assert.That(payload.Value.GetProperty("ratio_receive_thread_to_default_p50").GetDouble(), Is.GreaterThan(0), payload.Name);
            }

            foreach (JsonProperty figure in root.GetProperty("throughput").EnumerateObject())
            {
                foreach (string who in new[] { "ddsperf", "ours", "ours_receive_thread", "ratio", "ratio_receive_thread" })
                {
                    Assert.That(figure.Value.GetProperty(who).GetDouble(), Is.GreaterThan(0), $"{figure.Name} {who}");
                }
            }

            Assert.That(root.GetProperty("targets_met").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False));
        });
    }
}
