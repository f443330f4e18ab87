using PhysicalAI.Ros.Tests.Shared;

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

    public static RosContext Context(uint domainId, LogCapture? logs = null, RosDistro distro = RosDistro.Jazzy, params string[] args) =>
        RosContext.Create(args, new RosContextOptions
        {
            Environment = new RosEnvironment { DomainId = domainId, DiscoveryRange = DiscoveryRange.Localhost, Distro = distro },
            InstallSignalHandlers = false,
            ConsoleSink = logs ?? new LogCapture(),
        });
}
