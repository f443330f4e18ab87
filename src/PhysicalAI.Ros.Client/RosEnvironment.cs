using System.Globalization;
using System.Security;
using PhysicalAI.Ros.Client.Arguments;

namespace PhysicalAI.Ros.Client;

/// <summary>
/// The ROS 2 environment variables a context honours, read and checked once: <c>ROS_DOMAIN_ID</c>,
/// <c>ROS_AUTOMATIC_DISCOVERY_RANGE</c> (and Humble's <c>ROS_LOCALHOST_ONLY</c>), <c>ROS_STATIC_PEERS</c>,
/// <c>ROS_DISTRO</c> and <c>CYCLONEDDS_URI</c>.
/// </summary>
public sealed record RosEnvironment
{
    /// <summary>Highest domain id Cyclone's default port mapping allows.</summary>
    public const uint MaxDomainId = 232;

    /// <summary>DDS domain id.</summary>
    public uint DomainId { get; init; }

    /// <summary>Discovery range.</summary>
    public DiscoveryRange DiscoveryRange { get; init; } = DiscoveryRange.Subnet;

    /// <summary>Static peers (addresses or host names).</summary>
    public IReadOnlyList<string> StaticPeers { get; init; } = [];

    /// <summary>Graph conventions to follow.</summary>
    public RosDistro Distro { get; init; } = RosDistro.Jazzy;

    /// <summary>Extra Cyclone configuration (XML or <c>file://</c> URIs, comma separated), appended as rmw_cyclonedds appends it.</summary>
    public string? CycloneDdsUri { get; init; }

    /// <summary>Reads the process environment.</summary>
    /// <exception cref="RosArgumentsException">A variable has a value ROS 2 would reject.</exception>
    public static RosEnvironment FromProcess() => From(Environment.GetEnvironmentVariable);

    /// <summary>Reads variables through <paramref name="lookup"/>.</summary>
    /// <exception cref="RosArgumentsException">A variable has a value ROS 2 would reject.</exception>
    public static RosEnvironment From(Func<string, string?> lookup)
    {
        uint domain = 0;
        string? domainText = lookup("ROS_DOMAIN_ID");
        if (!string.IsNullOrWhiteSpace(domainText) &&
            (!uint.TryParse(domainText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out domain) || domain > MaxDomainId))
        {
            throw new RosArgumentsException($"ROS_DOMAIN_ID='{domainText}' is not a valid domain id; use a whole number from 0 to {MaxDomainId}");
        }

        RosDistro distro = RosDistros.FromEnvironment(lookup("ROS_DISTRO"));
        DiscoveryRange range = DiscoveryRange.Subnet;
        string? rangeText = lookup("ROS_AUTOMATIC_DISCOVERY_RANGE");
        if (!string.IsNullOrWhiteSpace(rangeText))
        {
            range = rangeText.Trim().ToUpperInvariant() switch
            {
                "LOCALHOST" => DiscoveryRange.Localhost,
                "SUBNET" => DiscoveryRange.Subnet,
                "OFF" => DiscoveryRange.Off,
                "SYSTEM_DEFAULT" => DiscoveryRange.SystemDefault,
                _ => throw new RosArgumentsException($"ROS_AUTOMATIC_DISCOVERY_RANGE='{rangeText}' is not one of LOCALHOST, SUBNET, OFF, SYSTEM_DEFAULT"),
            };
        }
        else if (lookup("ROS_LOCALHOST_ONLY")?.Trim() == "1")
        {
            range = DiscoveryRange.Localhost;
        }

        string[] peers = (lookup("ROS_STATIC_PEERS") ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string peer in peers)
        {
            if (peer.Any(c => c is '<' or '>' or '"' or '&'))
            {
                throw new RosArgumentsException($"ROS_STATIC_PEERS entry '{peer}' is not a host name or address");
            }
        }

        return new RosEnvironment
        {
            DomainId = domain,
            DiscoveryRange = range,
            StaticPeers = peers,
            Distro = distro,
            CycloneDdsUri = lookup("CYCLONEDDS_URI"),
        };
    }

    /// <summary>
    /// The Cyclone domain configuration rmw_cyclonedds would build for these settings (its localhost and
    /// static-peer settings first, then <c>CYCLONEDDS_URI</c>), or null when Cyclone's defaults apply.
    /// </summary>
    public string? CycloneConfiguration()
    {
        string? ours = null;
        bool restricted = DiscoveryRange is DiscoveryRange.Localhost or DiscoveryRange.Off;
        if (restricted || StaticPeers.Count > 0)
        {
            IEnumerable<string> peers = StaticPeers;
            if (DiscoveryRange == DiscoveryRange.Localhost)
            {
                peers = peers.Prepend("localhost");
            }

            string general = Distro == RosDistro.Humble && DiscoveryRange == DiscoveryRange.Localhost
                ? "<Interfaces><NetworkInterface address=\"127.0.0.1\"/></Interfaces>"
                : string.Empty;
            if (restricted)
            {
                general += "<AllowMulticast>false</AllowMulticast>";
            }

            ours = "<CycloneDDS><Domain id=\"any\">" +
                (general.Length > 0 ? "<General>" + general + "</General>" : string.Empty) +
                "<Discovery><ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>32</MaxAutoParticipantIndex>" +
                (peers.Any() ? "<Peers>" + string.Concat(peers.Select(p => $"<Peer address=\"{SecurityElement.Escape(p)}\"/>")) + "</Peers>" : string.Empty) +
                "</Discovery></Domain></CycloneDDS>";
        }

        if (string.IsNullOrWhiteSpace(CycloneDdsUri))
        {
            return ours;
        }

        return ours is null ? CycloneDdsUri : ours + "," + CycloneDdsUri;
    }
}
