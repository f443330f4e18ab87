using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using PhysicalAI.Ros.Interfaces;

namespace PhysicalAI.Cli.Commands.Bench;

/// <summary>
/// <c>pai bench transport</c>: our round-trip latency and throughput between two processes, against
/// Cyclone's own ddsperf measured in the same run on the same loopback configuration. Latency: ddsperf
/// in its default mode (answering on Cyclone's receive thread) and in waitset mode (one thread hand-off,
/// as an executor has), our executor-based ping/pong against the waitset mode, and ours delivering on the
/// receive thread (both sides) against the default mode. Throughput: reliable KEEP_ALL, 1 KB samples
/// and 921,600-byte images. Every measurement runs a warm-up first (JIT tiering, discovery traffic) whose
/// 1-second windows are left out, for ddsperf as for us; a measurement's figure is the median of its
/// remaining windows (ddsperf reports per second). Each round measures ours right after its ddsperf
/// reference, and a ratio is the median of the rounds' ratios, so the machine's load drifting between
/// rounds does not favour either side.
/// </summary>
internal static partial class TransportBenchmark
{
    private const string LoopbackConfig =
        "<CycloneDDS><Domain><General><Interfaces><NetworkInterface address=\"127.0.0.1\"/></Interfaces><AllowMulticast>false</AllowMulticast></General>" +
        "<Discovery><ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>32</MaxAutoParticipantIndex><Peers><Peer address=\"127.0.0.1\"/></Peers></Discovery>" +
        "<Internal><SocketReceiveBufferSize min=\"default\"/></Internal></Domain></CycloneDDS>";

    private static readonly JsonSerializerOptions JsonOptions = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static int _domainCounter;

    public static Command Create()
    {
        var duration = new Option<double>("--duration") { Description = "Seconds measured per measurement", DefaultValueFactory = _ => 4 };
        var warmup = new Option<int>("--warmup") { Description = "Seconds run before measuring (left out, for ddsperf and for us)", DefaultValueFactory = _ => 3 };
        var rounds = new Option<int>("--rounds") { Description = "Interleaved repetitions (ratios are the median of the rounds' ratios)", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object instead of a table" };
        var command = new Command("transport", "Round-trip latency and throughput between two processes, against ddsperf in the same run")
        {
            duration, warmup, rounds, json,
        };
        command.SetAction(result => Run(
            new Timing(TimeSpan.FromSeconds(Math.Max(1, result.GetValue(duration))), Math.Max(0, result.GetValue(warmup))),
            Math.Max(1, result.GetValue(rounds)),
            result.GetValue(json)));
        return command;
    }

    private sealed record LatencyCase(string Name, string OurPayload, int DdsperfSize);

    private sealed record Latency(double P50, double P99);

    /// <summary>How long a measurement runs: <see cref="WarmupWindows"/> whole seconds left out, then <see cref="Measured"/>.</summary>
    private sealed record Timing(TimeSpan Measured, int WarmupWindows)
    {
        public TimeSpan Total => Measured + TimeSpan.FromSeconds(WarmupWindows);
    }

    private static int Run(Timing timing, int rounds, bool json)
    {
        if (ExternalTool("ddsperf") is null)
        {
            throw new CliError("ddsperf is needed as the reference: sudo apt-get install cyclonedds-tools");
        }

        int jointStateSize = RosSerializer.GetSerializedSize(BenchPayload.Joints());
        LatencyCase[] cases =
        [
            new("64 B", "64", 64),
            new("1 KB", "1024", 1024),
            new("JointState (7 joints)", BenchPayload.JointState, jointStateSize),
        ];

        var latency = new Dictionary<(string Case, string Who), List<Latency>>();
        var throughput = new Dictionary<(string Case, string Who), List<double>>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (LatencyCase c in cases)
            {
                Progress(json, $"round {round + 1}/{rounds}: round trip {c.Name}");
                Add(latency, (c.Name, "ddsperf_waitset"), DdsperfPing(c.DdsperfSize, waitset: true, timing));
                Add(latency, (c.Name, "ours"), OurPing(c.OurPayload, timing));
                Add(latency, (c.Name, "ddsperf_default"), DdsperfPing(c.DdsperfSize, waitset: false, timing));
                Add(latency, (c.Name, "ours_receive_thread"), OurPing(c.OurPayload, timing, "--receive-thread"));
            }

            Progress(json, $"round {round + 1}/{rounds}: throughput");
            Add(throughput, ("1 KB samples/s", "ddsperf"), DdsperfThroughput(1024, timing).SamplesPerSecond);
            Add(throughput, ("1 KB samples/s", "ours"), OurThroughput("1024", timing).SamplesPerSecond);
            Add(throughput, ("1 KB samples/s", "ours_receive_thread"), OurThroughput("1024", timing, "--receive-thread").SamplesPerSecond);
            Add(throughput, ("921,600 B MB/s", "ddsperf"), DdsperfThroughput(921_600, timing).MegabytesPerSecond);
            Add(throughput, ("921,600 B MB/s", "ours"), OurThroughput(BenchPayload.Image, timing).MegabytesPerSecond);
            Add(throughput, ("921,600 B MB/s", "ours_receive_thread"), OurThroughput(BenchPayload.Image, timing, "--receive-thread").MegabytesPerSecond);
        }

        Latency L(string c, string who) => new(
            WindowStats.Median([.. latency[(c, who)].Select(l => l.P50)]),
            WindowStats.Median([.. latency[(c, who)].Select(l => l.P99)]));
        double[] LatencyRatios(string c, string who, string reference, Func<Latency, double> figure) =>
            Ratios(latency[(c, who)].Select(figure), latency[(c, reference)].Select(figure));
        double T(string c, string who) => WindowStats.Median(throughput[(c, who)]);
        double[] ThroughputRatios(string c, string who) => Ratios(throughput[(c, who)], throughput[(c, "ddsperf")]);

        var report = new Dictionary<string, object>
        {
            ["rounds"] = rounds,
            ["duration_s"] = timing.Measured.TotalSeconds,
            ["warmup_s"] = timing.WarmupWindows,
            ["statistic"] = "per measurement: median over its 1-second windows after the warm-up; figures: median across rounds; ratios: median of the rounds' ratios (ours against the reference measured just before it)",
        };
        var latencyReport = new Dictionary<string, object>();
        var table = new StringBuilder();
        table.AppendLine("Round trip, two processes, loopback, reliable (microseconds; p50 / p99)");
        var roundRatios = new StringBuilder();
        table.AppendLine($"{"payload",-22} {"ddsperf waitset",-17} {"ours (executor)",-17} {"ours/waitset p50",-17} {"p99",-6} {"ddsperf default",-17} {"ours (receive thread)",-22} {"ours/default p50",-16}");
        bool met = true;
        foreach (LatencyCase c in cases)
        {
            Latency dflt = L(c.Name, "ddsperf_default"), waitset = L(c.Name, "ddsperf_waitset"), ours = L(c.Name, "ours"), receive = L(c.Name, "ours_receive_thread");
            double[] rounds50 = LatencyRatios(c.Name, "ours", "ddsperf_waitset", l => l.P50), rounds99 = LatencyRatios(c.Name, "ours", "ddsperf_waitset", l => l.P99);
            double r50 = WindowStats.Median(rounds50), r99 = WindowStats.Median(rounds99);
            double receive50 = WindowStats.Median(LatencyRatios(c.Name, "ours_receive_thread", "ddsperf_default", l => l.P50));
            met &= r50 <= 1.1 && r99 <= 1.5;
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Name,-22} {Pair(waitset),-17} {Pair(ours),-17} {r50,-17:F2} {r99,-6:F2} {Pair(dflt),-17} {Pair(receive),-22} {receive50,-16:F2}"));
            latencyReport[c.Name] = new Dictionary<string, object>
            {
                ["ddsperf_default_us"] = new[] { Round(dflt.P50), Round(dflt.P99) },
                ["ddsperf_waitset_us"] = new[] { Round(waitset.P50), Round(waitset.P99) },
                ["ours_us"] = new[] { Round(ours.P50), Round(ours.P99) },
                ["ours_receive_thread_us"] = new[] { Round(receive.P50), Round(receive.P99) },
                ["ratio_p50"] = Round(r50, 3),
                ["ratio_p99"] = Round(r99, 3),
                ["ratio_p50_rounds"] = rounds50.Select(r => Round(r, 3)).ToArray(),
                ["ratio_p99_rounds"] = rounds99.Select(r => Round(r, 3)).ToArray(),
                ["ratio_receive_thread_to_default_p50"] = Round(receive50, 3),
            };
            roundRatios.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Name,-22} p50 {string.Join(' ', rounds50.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}   p99 {string.Join(' ', rounds99.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}"));
        }

        table.AppendLine("targets: ours/waitset p50 <= 1.10 and p99 <= 1.50 (median of the rounds' ratios; each round's:)");
        table.Append(roundRatios);
        table.AppendLine();
        table.AppendLine("Throughput one way, reliable, KEEP_ALL (publishers batch writes, as ddsperf does)");
        var throughputReport = new Dictionary<string, object>();
        foreach ((string name, double target) in new[] { ("1 KB samples/s", 0.3), ("921,600 B MB/s", 0.9) })
        {
            double theirs = T(name, "ddsperf"), ours = T(name, "ours"), receive = T(name, "ours_receive_thread");
            double ratio = WindowStats.Median(ThroughputRatios(name, "ours")), receiveRatio = WindowStats.Median(ThroughputRatios(name, "ours_receive_thread"));
            met &= ratio >= target;
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} ddsperf {theirs,11:F1}  ours (executor) {ours,11:F1} = {ratio:F2}x (target >= {target:F1})  ours (receive thread) {receive,11:F1} = {receiveRatio:F2}x"));
            throughputReport[name] = new Dictionary<string, object>
            {
                ["ddsperf"] = Round(theirs),
                ["ours"] = Round(ours),
                ["ratio"] = Round(ratio, 3),
                ["ours_receive_thread"] = Round(receive),
                ["ratio_receive_thread"] = Round(receiveRatio, 3),
                ["target"] = target,
            };
        }

        table.AppendLine(met ? "all targets met" : "NOT all targets met");
        report["round_trip"] = latencyReport;
        report["throughput"] = throughputReport;
        report["targets_met"] = met;
        // A measurement that produced no window is NaN: written as "NaN" rather than failing the whole report.
        Console.WriteLine(json ? JsonSerializer.Serialize(report, JsonOptions) : table.ToString());
        return 0;
    }

    /// <summary>Each round's figure of ours over the reference measured just before it.</summary>
    private static double[] Ratios(IEnumerable<double> ours, IEnumerable<double> reference) => [.. ours.Zip(reference, (o, r) => o / r)];

    private static string Pair(Latency l) => $"{WindowStats.Format(l.P50)} / {WindowStats.Format(l.P99)}";

    private static double Round(double v, int digits = 1) => double.IsNaN(v) ? double.NaN : Math.Round(v, digits);

    private static void Add<T>(Dictionary<(string, string), List<T>> into, (string, string) key, T value)
    {
        if (!into.TryGetValue(key, out List<T>? list))
        {
            into[key] = list = [];
        }

        list.Add(value);
    }

    private static void Progress(bool json, string text)
    {
        if (!json)
        {
            Console.Error.WriteLine(text);
        }
    }

    private static Dictionary<string, string?> Environment(uint domain) => new()
    {
        ["CYCLONEDDS_URI"] = LoopbackConfig,
        ["ROS_DOMAIN_ID"] = domain.ToString(CultureInfo.InvariantCulture),
        ["ROS_AUTOMATIC_DISCOVERY_RANGE"] = null,
        ["ROS_LOCALHOST_ONLY"] = null,
        ["ROS_STATIC_PEERS"] = null,
    };

    private static uint NextDomain() => (uint)(150 + (Interlocked.Increment(ref _domainCounter) % 60));

    private static Latency DdsperfPing(int size, bool waitset, Timing timing)
    {
        uint domain = NextDomain();
        string mode = waitset ? "waitset" : "listener";
        string id = domain.ToString(CultureInfo.InvariantCulture);
        using var pong = new MonitoredProcess("ddsperf", ["-i", id, "-D", Seconds(timing.Total + TimeSpan.FromSeconds(4)), "pong", mode], Environment(domain));
        Thread.Sleep(500);
        using var ping = new MonitoredProcess("ddsperf", ["-i", id, "-D", Seconds(timing.Total), "ping", "size", size.ToString(CultureInfo.InvariantCulture), mode], Environment(domain));
        ping.WaitForExit(timing.Total + TimeSpan.FromSeconds(30));

        // ddsperf prints one-way latency (half the round trip) once a second.
        var p50 = new List<double>();
        var p99 = new List<double>();
        foreach (string line in ping.Lines)
        {
            Match m = DdsperfLatency().Match(line);
            if (m.Success)
            {
                p50.Add(2 * double.Parse(m.Groups["p50"].Value, CultureInfo.InvariantCulture));
                p99.Add(2 * double.Parse(m.Groups["p99"].Value, CultureInfo.InvariantCulture));
            }
        }

        return new Latency(WindowStats.MedianAfter(p50, timing.WarmupWindows), WindowStats.MedianAfter(p99, timing.WarmupWindows));
    }

    private static Latency OurPing(string payload, Timing timing, params string[] delivery)
    {
        uint domain = NextDomain();
        using MonitoredProcess pong = Worker("pong", payload, timing.Total + TimeSpan.FromSeconds(4), domain, delivery);
        pong.WaitReady(TimeSpan.FromSeconds(60));
        using MonitoredProcess ping = Worker("ping", payload, timing.Total, domain, delivery);
        ping.WaitForExit(timing.Total + TimeSpan.FromSeconds(60));
        var p50 = new List<double>();
        var p99 = new List<double>();
        foreach (string line in ping.Lines.Where(l => l.StartsWith("window ", StringComparison.Ordinal)))
        {
            string[] parts = line.Split(' ');
            p50.Add(double.Parse(parts[2], CultureInfo.InvariantCulture));
            p99.Add(double.Parse(parts[3], CultureInfo.InvariantCulture));
        }

        return new Latency(WindowStats.MedianAfter(p50, timing.WarmupWindows), WindowStats.MedianAfter(p99, timing.WarmupWindows));
    }

    private sealed record Rate(double SamplesPerSecond, double MegabytesPerSecond);

    private static Rate DdsperfThroughput(int size, Timing timing)
    {
        uint domain = NextDomain();
        string id = domain.ToString(CultureInfo.InvariantCulture);
        using var sub = new MonitoredProcess("ddsperf", ["-i", id, "-D", Seconds(timing.Total + TimeSpan.FromSeconds(3)), "-k", "all", "sub"], Environment(domain));
        Thread.Sleep(500);
        using var pub = new MonitoredProcess("ddsperf", ["-i", id, "-D", Seconds(timing.Total), "-k", "all", "pub", "size", size.ToString(CultureInfo.InvariantCulture)], Environment(domain));
        pub.WaitForExit(timing.Total + TimeSpan.FromSeconds(30));
        sub.WaitForExit(TimeSpan.FromSeconds(10));
        var rates = new List<double>();
        foreach (string line in sub.Lines)
        {
            Match m = DdsperfRate().Match(line);
            if (m.Success)
            {
                rates.Add(double.Parse(m.Groups["ks"].Value, CultureInfo.InvariantCulture) * 1000);
            }
        }

        double samples = WindowStats.MedianAfter(WhilePublishing(rates, r => r), timing.WarmupWindows);
        return new Rate(samples, samples * size / 1e6);
    }

    private static Rate OurThroughput(string payload, Timing timing, params string[] delivery)
    {
        uint domain = NextDomain();
        using MonitoredProcess sub = Worker("sub", payload, timing.Total, domain, ["--keep-all", .. delivery]);
        sub.WaitReady(TimeSpan.FromSeconds(60));
        using MonitoredProcess pub = Worker("pub", payload, timing.Total, domain, "--keep-all", "--batch");
        pub.WaitForExit(timing.Total + TimeSpan.FromSeconds(60));
        sub.WaitForExit(TimeSpan.FromSeconds(30));
        var windows = new List<(double Samples, double Bytes)>();
        foreach (string line in sub.Lines.Where(l => l.StartsWith("window ", StringComparison.Ordinal)))
        {
            string[] parts = line.Split(' ');
            windows.Add((double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture)));
        }

        List<(double Samples, double Bytes)> publishing = WhilePublishing(windows, w => w.Samples);
        return new Rate(
            WindowStats.MedianAfter([.. publishing.Select(w => w.Samples)], timing.WarmupWindows),
            WindowStats.MedianAfter([.. publishing.Select(w => w.Bytes)], timing.WarmupWindows) / 1e6);
    }

    /// <summary>The windows from the first sample to the last: a subscriber runs before and after its publisher.</summary>
    private static List<T> WhilePublishing<T>(List<T> windows, Func<T, double> samplesPerSecond)
    {
        int first = windows.FindIndex(w => samplesPerSecond(w) >= 1);
        int last = windows.FindLastIndex(w => samplesPerSecond(w) >= 1);
        return first < 0 ? [] : windows[first..(last + 1)];
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString(CultureInfo.InvariantCulture);

    private static MonitoredProcess Worker(string role, string payload, TimeSpan duration, uint domain, params string[] extra) =>
        new(System.Environment.ProcessPath!,
            [typeof(TransportBenchmark).Assembly.Location, "bench", "worker", role, "--payload", payload,
             "--duration", Seconds(duration), .. extra],
            Environment(domain));

    private static string? ExternalTool(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"size (?<size>\d+) mean [\d.]+us min [\d.]+us 50% (?<p50>[\d.]+)us 90% [\d.]+us 99% (?<p99>[\d.]+)us")]
    private static partial Regex DdsperfLatency();

    [GeneratedRegex(@"rate (?<ks>[\d.]+) kS/s")]
    private static partial Regex DdsperfRate();
}
