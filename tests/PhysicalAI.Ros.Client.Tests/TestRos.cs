using PhysicalAI.Ros.Client.Logging;

namespace PhysicalAI.Ros.Client.Tests;

/// <summary>
/// Contexts for tests: loopback discovery on a domain id of their own (per test process and fixture),
/// no signal handlers, and log output captured for assertions.
/// </summary>
internal static class TestRos
{
    private static int _next;

    /// <summary>A domain id no other test process on the machine uses at the same time.</summary>
    public static uint NewDomainId() => (uint)(1 + ((Environment.ProcessId * 7 + Interlocked.Increment(ref _next)) % 200));

    public static RosContext Context(uint domainId, CapturingSink? logs = null, RosDistro distro = RosDistro.Jazzy, params string[] args) =>
        RosContext.Create(args, new RosContextOptions
        {
            Environment = new RosEnvironment { DomainId = domainId, DiscoveryRange = DiscoveryRange.Localhost, Distro = distro },
            InstallSignalHandlers = false,
            ConsoleSink = logs ?? new CapturingSink(),
        });

    /// <summary>Runs <paramref name="executor"/> until <paramref name="condition"/> holds or the time runs out.</summary>
    public static bool SpinUntil(Executors.SingleThreadedExecutor executor, Func<bool> condition, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            executor.SpinOnce(TimeSpan.FromMilliseconds(50));
        }

        return true;
    }

    /// <summary>Waits (without an executor) until <paramref name="condition"/> holds.</summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }
}

/// <summary>A log sink that keeps every formatted line.</summary>
internal sealed class CapturingSink : IRosLogSink
{
    private readonly RosConsoleSink _format = new(TextWriter.Null, null, colorize: false);
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Write(in RosLogRecord record)
    {
        string line = _format.Format(record);
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
