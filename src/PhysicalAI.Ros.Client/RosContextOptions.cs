using PhysicalAI.Ros.Client.Logging;

namespace PhysicalAI.Ros.Client;

/// <summary>How a <see cref="RosContext"/> is set up beyond its command line.</summary>
public sealed record RosContextOptions
{
    /// <summary>Settings that would otherwise come from ROS_* environment variables; null reads the process environment.</summary>
    public RosEnvironment? Environment { get; init; }

    /// <summary>Shut the context down on SIGINT and SIGTERM (as <c>rclcpp::init</c> does). Default true.</summary>
    public bool InstallSignalHandlers { get; init; } = true;

    /// <summary>Write logs to the console (stderr) in ROS 2's format. Default true unless <c>--disable-stdout-logs</c>.</summary>
    public bool ConsoleLogging { get; init; } = true;

    /// <summary>A console sink to use instead of the default one (tests capture output with it).</summary>
    public IRosLogSink? ConsoleSink { get; init; }
}
