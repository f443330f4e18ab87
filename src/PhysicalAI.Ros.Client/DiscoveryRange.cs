namespace PhysicalAI.Ros.Client;

/// <summary>How far ROS 2 looks for peers (<c>ROS_AUTOMATIC_DISCOVERY_RANGE</c>, Jazzy and later).</summary>
public enum DiscoveryRange
{
    /// <summary>The middleware's own default (Cyclone: multicast on the default interface).</summary>
    SystemDefault,

    /// <summary>This host only.</summary>
    Localhost,

    /// <summary>The local subnet (the default).</summary>
    Subnet,

    /// <summary>No automatic discovery; only <c>ROS_STATIC_PEERS</c>.</summary>
    Off,
}
