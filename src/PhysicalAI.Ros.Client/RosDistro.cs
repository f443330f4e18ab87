namespace PhysicalAI.Ros.Client;

/// <summary>
/// The ROS 2 distribution whose graph conventions a context follows. They differ on the wire: Humble
/// GIDs are 24 bytes and endpoints carry no type hash; Jazzy GIDs are 16 bytes and every endpoint
/// announces <c>typehash=RIHS01_...;</c>. One participant speaks one of them.
/// </summary>
public enum RosDistro
{
    /// <summary>ROS 2 Humble Hawksbill.</summary>
    Humble,

    /// <summary>ROS 2 Jazzy Jalisco (also right for Kilted and Rolling).</summary>
    Jazzy,
}

/// <summary>Chooses the distro from <c>ROS_DISTRO</c>.</summary>
public static class RosDistros
{
    /// <summary>Humble for <c>humble</c> (and older: iron is treated like Jazzy); Jazzy otherwise, including unset.</summary>
    public static RosDistro FromEnvironment(string? rosDistro) =>
        string.Equals(rosDistro?.Trim(), "humble", StringComparison.OrdinalIgnoreCase) ? RosDistro.Humble : RosDistro.Jazzy;

    /// <summary>Size of a ROS graph GID for <paramref name="distro"/>.</summary>
    public static int GidSize(this RosDistro distro) => distro == RosDistro.Humble ? 24 : 16;
}
