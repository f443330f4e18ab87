namespace PhysicalAI.Ros.Dds;

/// <summary>Eclipse Cyclone DDS (libddsc 0.10.x) could not be loaded.</summary>
public sealed class DdsLibraryNotFoundException : Exception
{
    /// <summary>Creates the exception listing the places that were tried.</summary>
    public DdsLibraryNotFoundException(IReadOnlyList<string> tried)
        : base(
            "Eclipse Cyclone DDS (libddsc 0.10.x) was not found; tried " + string.Join(", ", tried) + ". " +
            "Install it with 'sudo apt-get install libddsc0debian' (Debian 12) or 'sudo apt-get install libddsc0t64' (Ubuntu 24.04), " +
            "source a ROS 2 install ('source /opt/ros/jazzy/setup.bash'), or set PAI_LIBDDSC to the library file.")
    {
        Tried = tried;
    }

    /// <summary>File and library names tried, in order.</summary>
    public IReadOnlyList<string> Tried { get; }
}
