using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;

namespace PhysicalAI.Cli.Commands.Bench;

/// <summary>
/// One side of a transport measurement, run as its own process by <c>pai bench transport</c> (and by
/// tests): <c>ping</c>/<c>pong</c> for round trips, <c>pub</c>/<c>sub</c> for throughput. Written with
/// the public client API, as a user's node would be. Results go to stdout, one line per second:
/// <c>window SECOND p50_us p99_us count</c> or <c>window SECOND samples bytes lost</c>.
/// </summary>
internal static class BenchWorker
{
    public static Command Create()
    {
        var role = new Argument<string>("role") { Description = "ping, pong, pub or sub" };
        var payload = new Option<string>("--payload") { Description = "A total size in bytes, joint_state or image", DefaultValueFactory = _ => "64" };
        var duration = new Option<double>("--duration") { Description = "Seconds to run", DefaultValueFactory = _ => 5 };
        var rate = new Option<double>("--rate") { Description = "pub: messages per second (0: as fast as possible)" };
        var count = new Option<int>("--count") { Description = "pub: stop after this many messages (0: no limit)" };
        var keepAll = new Option<bool>("--keep-all") { Description = "pub/sub: KEEP_ALL history (lossless)" };
        var listener = new Option<bool>("--receive-thread") { Description = "pong/sub: deliver on Cyclone's receive thread instead of the executor" };
        var batch = new Option<bool>("--batch") { Description = "pub: pack messages into shared packets" };
        var command = new Command("worker", "One process of a transport measurement (used by 'pai bench transport')") { role, payload, duration, rate, count, keepAll, listener, batch };
        command.Hidden = true;
        command.SetAction(result =>
        {
            var settings = new Settings(
                result.GetValue(payload)!,
                TimeSpan.FromSeconds(result.GetValue(duration)),
                result.GetValue(rate),
                result.GetValue(count),
                result.GetValue(keepAll) ? QosProfiles.Default.KeepAll() : QosProfiles.Default,
                new SubscriptionOptions { ReuseMessage = true, DeliverOnReceiveThread = result.GetValue(listener) },
                new PublisherOptions { BatchWrites = result.GetValue(batch) });
            using RosContext context = RosContext.Create([]);
            using var node = new Node(context, $"_pai_bench_{result.GetValue(role)}_{Environment.ProcessId}");
            using var executor = new SingleThreadedExecutor(context);
            executor.AddNode(node);
            return (result.GetValue(role), settings.Payload) switch
            {
                (var r, BenchPayload.JointState) => Dispatch(r!, node, executor, settings, BenchPayload.Joints(), BenchPayload.SetSequence, BenchPayload.Sequence),
                (var r, BenchPayload.Image) => Dispatch(r!, node, executor, settings, BenchPayload.Camera(), BenchPayload.SetSequence, BenchPayload.Sequence),
                (var r, var p) when BenchPayload.IsBytes(p, out int size) =>
                    Dispatch(r!, node, executor, settings, BenchPayload.Bytes(size), BenchPayload.SetSequence, BenchPayload.Sequence),
                _ => throw new CliError($"unknown payload '{settings.Payload}': give a size in bytes, {BenchPayload.JointState} or {BenchPayload.Image}"),
            };
        });
        return command;
    }

    private sealed record Settings(string Payload, TimeSpan Duration, double Rate, int Count, QosProfile Qos, SubscriptionOptions Delivery, PublisherOptions Sending);

    private static int Dispatch<T>(string role, Node node, SingleThreadedExecutor executor, Settings settings, T message, Action<T, uint> setSequence, Func<T, uint> sequence)
        where T : class, IRosMessage<T>, new() => role switch
        {
            "ping" => Ping(node, executor, settings, message, setSequence, sequence),
            "pong" => Pong<T>(node, executor, settings),
            "pub" => Publish(node, executor, settings, message, setSequence),
            "sub" => Subscribe(node, executor, settings, sequence),
            _ => throw new CliError($"unknown role '{role}': ping, pong, pub or sub"),
        };

    private static int Pong<T>(Node node, SingleThreadedExecutor executor, Settings settings)
        where T : class, IRosMessage<T>, new()
    {
        Publisher<T> reply = node.CreatePublisher<T>("/bench/pong", settings.Qos.KeepLast(1));
        node.CreateSubscription<T>("/bench/ping", reply.Publish, settings.Qos.KeepLast(1), settings.Delivery);
        Console.WriteLine("ready");
        executor.Spin(new CancellationTokenSource(settings.Duration + TimeSpan.FromSeconds(10)).Token);
        return 0;
    }

    private static int Ping<T>(Node node, SingleThreadedExecutor executor, Settings settings, T message, Action<T, uint> setSequence, Func<T, uint> sequence)
        where T : class, IRosMessage<T>, new()
    {
        Publisher<T> ping = node.CreatePublisher<T>("/bench/ping", settings.Qos.KeepLast(1));
        var window = new RoundTripWindow();
        uint expected = 0;
        long sent = 0;
        bool answered = false;
        long end = long.MaxValue;
        bool closedLoop = settings.Delivery.DeliverOnReceiveThread;

        // On the receive thread the next ping goes out from the pong's callback, as ddsperf's listener mode does;
        // on the executor the loop below sends it.
        node.CreateSubscription<T>("/bench/pong", m =>
        {
            if (sequence(m) != expected)
            {
                return;
            }

            long now = Stopwatch.GetTimestamp();
            window.Add(now, sent);
            answered = true;
            if (closedLoop && now < end)
            {
                expected++;
                setSequence(message, expected);
                sent = Stopwatch.GetTimestamp();
                ping.Publish(message);
            }
        }, settings.Qos.KeepLast(1), settings.Delivery);
        if (!WaitForMatch(executor, () => ping.SubscriptionCount > 0, TimeSpan.FromSeconds(15)))
        {
            Console.Error.WriteLine("no pong matched");
            return 1;
        }

        // Let the pong's own publisher match ours before timing anything.
        executor.SpinOnce(TimeSpan.FromMilliseconds(300));
        long start = Stopwatch.GetTimestamp();
        end = start + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        window.Start(start);
        if (closedLoop)
        {
            expected = 1;
            setSequence(message, expected);
            sent = Stopwatch.GetTimestamp();
            ping.Publish(message);
            Thread.Sleep(settings.Duration + TimeSpan.FromMilliseconds(200));
            return 0;
        }

        while (Stopwatch.GetTimestamp() < end)
        {
            expected++;
            setSequence(message, expected);
            answered = false;
            sent = Stopwatch.GetTimestamp();
            ping.Publish(message);
            long deadline = sent + Stopwatch.Frequency;
            while (!answered && Stopwatch.GetTimestamp() < deadline)
            {
                executor.SpinOnce(TimeSpan.FromSeconds(1));
            }
        }

        return 0;
    }

    /// <summary>Round-trip times of the current second; prints <c>window N p50 p99 count</c> when a second is full.</summary>
    private sealed class RoundTripWindow
    {
        private readonly List<double> _samples = new(200_000);
        private long _windowStart;
        private int _second = 1;

        public void Start(long now) => _windowStart = now;

        public void Add(long now, long sent)
        {
            _samples.Add((now - sent) * 1e6 / Stopwatch.Frequency);
            if (now - _windowStart >= Stopwatch.Frequency)
            {
                _samples.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"window {_second++} {WindowStats.Percentile(_samples, 50):F2} {WindowStats.Percentile(_samples, 99):F2} {_samples.Count}"));
                _samples.Clear();
                _windowStart = now;
            }
        }
    }

    private static int Publish<T>(Node node, SingleThreadedExecutor executor, Settings settings, T message, Action<T, uint> setSequence)
        where T : class, IRosMessage<T>, new()
    {
        Publisher<T> publisher = node.CreatePublisher<T>("/bench/data", settings.Qos, settings.Sending);
        if (!WaitForMatch(executor, () => publisher.SubscriptionCount > 0, TimeSpan.FromSeconds(15)))
        {
            Console.Error.WriteLine("no subscription matched");
            return 1;
        }

        Console.WriteLine("ready");
        long period = settings.Rate > 0 ? (long)(Stopwatch.Frequency / settings.Rate) : 0;
        long next = Stopwatch.GetTimestamp();
        long end = next + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        uint sent = 0;
        while (Stopwatch.GetTimestamp() < end && (settings.Count == 0 || sent < settings.Count))
        {
            setSequence(message, ++sent);
            publisher.Publish(message);
            if (period > 0)
            {
                next += period;
                long wait = next - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    Thread.Sleep(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
                }
            }
        }

        publisher.Flush();
        publisher.WaitForAllAcknowledged(TimeSpan.FromSeconds(10));
        Console.WriteLine($"sent {sent}");
        return 0;
    }

    private static int Subscribe<T>(Node node, SingleThreadedExecutor executor, Settings settings, Func<T, uint> sequence)
        where T : class, IRosMessage<T>, new()
    {
        long samples = 0, bytes = 0, lost = 0;
        uint last = 0;
        int messageSize = 0;
        node.CreateSubscription<T>("/bench/data", m =>
        {
            uint s = sequence(m);
            if (last != 0 && s > last + 1)
            {
                lost += s - last - 1;
            }

            last = s;
            samples++;
            if (messageSize == 0)
            {
                // Every sample of a run has the same size; measuring each one would cost more than receiving it.
                var size = new Ros.Cdr.CdrSizeCalculator();
                T.Measure(ref size, m);
                messageSize = size.Size;
            }

            bytes += messageSize;
        }, settings.Qos, settings.Delivery);
        Console.WriteLine("ready");
        long start = Stopwatch.GetTimestamp();
        long windowStart = start;
        long windowSamples = 0, windowBytes = 0, windowLost = 0;
        int second = 1;
        long end = start + (long)((settings.Duration.TotalSeconds + 2) * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end && !node.Context.IsShutdown)
        {
            executor.SpinOnce(TimeSpan.FromMilliseconds(100));
            long now = Stopwatch.GetTimestamp();
            if (now - windowStart >= Stopwatch.Frequency)
            {
                double seconds = (now - windowStart) / (double)Stopwatch.Frequency;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"window {second++} {(samples - windowSamples) / seconds:F1} {(bytes - windowBytes) / seconds:F1} {lost - windowLost}"));
                windowSamples = samples;
                windowBytes = bytes;
                windowLost = lost;
                windowStart = now;
            }
        }

        Console.WriteLine($"received {samples} lost {lost}");
        return 0;
    }

    private static bool WaitForMatch(SingleThreadedExecutor executor, Func<bool> matched, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!matched())
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }

            executor.SpinOnce(TimeSpan.FromMilliseconds(20));
        }

        return true;
    }
}
