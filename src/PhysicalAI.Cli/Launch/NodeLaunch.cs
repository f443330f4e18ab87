namespace PhysicalAI.Cli.Launch;

/// <summary>A node process to start, with every substitution of its launch-file entry evaluated.</summary>
internal sealed record NodeLaunch
{
    /// <summary>Output prefix and name in messages, as ros2 launch labels processes: <c>talker-1</c>.</summary>
    public required string Label { get; init; }

    public required string Package { get; init; }

    public required string Executable { get; init; }

    /// <summary>The program and the arguments before the node's own (<c>pai run talker</c>, or a prefix such as <c>xterm -e</c>).</summary>
    public required IReadOnlyList<string> Program { get; init; }

    /// <summary>The node's arguments before <c>--ros-args</c> (<c>args</c>).</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    /// <summary>Extra ROS arguments (<c>ros_args</c>), placed first after <c>--ros-args</c>.</summary>
    public required IReadOnlyList<string> RosArguments { get; init; }

    public required string? NodeName { get; init; }

    /// <summary>Absolute namespace (with pushed namespaces), or null to leave the node's own.</summary>
    public required string? Namespace { get; init; }

    public required IReadOnlyList<NodeParameters> Parameters { get; init; }

    public required IReadOnlyList<(string From, string To)> Remaps { get; init; }

    /// <summary>The complete environment of the process.</summary>
    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public required string? WorkingDirectory { get; init; }

    public required OutputMode Output { get; init; }

    public required bool Respawn { get; init; }

    public required TimeSpan RespawnDelay { get; init; }

    /// <summary>How many times to respawn; negative for no limit.</summary>
    public required int RespawnMaxRetries { get; init; }

    /// <summary><c>on_exit: shutdown</c>: the launch ends when this process ends (a required node).</summary>
    public required bool ShutdownOnExit { get; init; }

    /// <summary>From SIGINT to SIGTERM when the process does not end.</summary>
    public required TimeSpan SigtermTimeout { get; init; }

    /// <summary>From SIGTERM to SIGKILL.</summary>
    public required TimeSpan SigkillTimeout { get; init; }

    public required SourceLocation Location { get; init; }
}
