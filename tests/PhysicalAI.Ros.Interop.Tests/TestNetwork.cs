using System.Globalization;
using PhysicalAI.Ros.Client;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// Every multi-process test runs on a DDS domain of its own with the same loopback Cyclone configuration
/// in every process (ours and the C peers), so tests neither see each other nor the rest of the network.
/// </summary>
internal static class TestNetwork
{
    public const string LoopbackConfig =
        "<CycloneDDS><Domain><General><Interfaces><NetworkInterface address=\"127.0.0.1\"/></Interfaces><AllowMulticast>false</AllowMulticast></General>" +
        "<Discovery><ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>32</MaxAutoParticipantIndex><Peers><Peer address=\"127.0.0.1\"/></Peers></Discovery></Domain></CycloneDDS>";

    private static int _next;

    public static uint NewDomain() => (uint)(1 + ((System.Environment.ProcessId * 13 + Interlocked.Increment(ref _next)) % 220));

    public static string UniqueTopic(string stem) => $"/interop_{stem}_{Guid.NewGuid():N}"[..40];

    /// <summary>Environment for a child process on <paramref name="domain"/>.</summary>
    public static Dictionary<string, string?> Environment(uint domain) => new()
    {
        ["ROS_DOMAIN_ID"] = domain.ToString(CultureInfo.InvariantCulture),
        ["CYCLONEDDS_URI"] = LoopbackConfig,
        ["ROS_AUTOMATIC_DISCOVERY_RANGE"] = null,
        ["ROS_LOCALHOST_ONLY"] = null,
        ["ROS_STATIC_PEERS"] = null,
        ["ROS_DISTRO"] = null,
    };

    /// <summary>A context in this process on <paramref name="domain"/>, configured like the children.</summary>
    public static RosContext Context(uint domain, Client.Logging.IRosLogSink? logs = null) =>
        RosContext.Create([], new RosContextOptions
        {
            Environment = new RosEnvironment { DomainId = domain, CycloneDdsUri = LoopbackConfig },
            InstallSignalHandlers = false,
            ConsoleSink = logs,
        });
}
