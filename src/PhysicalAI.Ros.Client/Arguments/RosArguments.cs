using PhysicalAI.Ros.Client.Logging;

namespace PhysicalAI.Ros.Client.Arguments;

/// <summary>
/// The ROS part of a command line (<c>--ros-args ... [--]</c> sections), parsed as rcl parses it, and
/// what is left for the program itself.
/// </summary>
public sealed class RosArguments
{
    /// <summary>No ROS arguments at all.</summary>
    public static RosArguments Empty { get; } = RosArgumentsParser.Parse([]);

    /// <summary>Arguments outside every <c>--ros-args</c> section, for the program.</summary>
    public required IReadOnlyList<string> ProgramArguments { get; init; }

    /// <summary>Remapping rules in the order given (the first that matches a name wins).</summary>
    public required IReadOnlyList<RemapRule> Remaps { get; init; }

    /// <summary><c>--params-file</c> and <c>-p</c> arguments in the order given (later ones win).</summary>
    public required IReadOnlyList<ParameterArgument> Parameters { get; init; }

    /// <summary>Default severity from <c>--log-level LEVEL</c>, if given.</summary>
    public RosLogLevel? LogLevel { get; init; }

    /// <summary>Per-logger severities from <c>--log-level name:=LEVEL</c>.</summary>
    public required IReadOnlyDictionary<string, RosLogLevel> LoggerLevels { get; init; }

    /// <summary><c>-e/--enclave</c>, if given.</summary>
    public string? Enclave { get; init; }

    /// <summary><c>--log-config-file</c>, if given.</summary>
    public string? LogConfigFile { get; init; }

    /// <summary><c>--log-file-name</c>, if given.</summary>
    public string? LogFileName { get; init; }

    /// <summary><c>--enable-rosout-logs</c> / <c>--disable-rosout-logs</c>, if given.</summary>
    public bool? RosoutLogs { get; init; }

    /// <summary><c>--enable-stdout-logs</c> / <c>--disable-stdout-logs</c>, if given.</summary>
    public bool? StdoutLogs { get; init; }

    /// <summary><c>--enable-external-lib-logs</c> / <c>--disable-external-lib-logs</c>, if given.</summary>
    public bool? ExternalLibLogs { get; init; }

    /// <summary>Things to tell the user about, such as remap rules given in the deprecated form outside <c>--ros-args</c>.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
