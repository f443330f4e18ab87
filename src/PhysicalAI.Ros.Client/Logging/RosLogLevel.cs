using Microsoft.Extensions.Logging;

namespace PhysicalAI.Ros.Client.Logging;

/// <summary>ROS 2 log severities, with rcutils' numeric values (also the <c>rcl_interfaces/Log</c> levels).</summary>
public enum RosLogLevel : byte
{
    /// <summary>No level set: inherit the default.</summary>
    Unset = 0,

    /// <summary>DEBUG.</summary>
    Debug = 10,

    /// <summary>INFO.</summary>
    Info = 20,

    /// <summary>WARN.</summary>
    Warn = 30,

    /// <summary>ERROR.</summary>
    Error = 40,

    /// <summary>FATAL.</summary>
    Fatal = 50,
}

/// <summary>Conversions between ROS severities, their names and Microsoft.Extensions.Logging levels.</summary>
public static class RosLogLevels
{
    /// <summary>The ROS severity of a Microsoft.Extensions.Logging level (Trace counts as DEBUG, Critical as FATAL).</summary>
    public static RosLogLevel FromLogLevel(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => RosLogLevel.Debug,
        LogLevel.Information => RosLogLevel.Info,
        LogLevel.Warning => RosLogLevel.Warn,
        LogLevel.Error => RosLogLevel.Error,
        LogLevel.Critical => RosLogLevel.Fatal,
        _ => RosLogLevel.Unset,
    };

    /// <summary>The name ROS prints: <c>DEBUG</c>, <c>INFO</c>, <c>WARN</c>, <c>ERROR</c>, <c>FATAL</c>.</summary>
    public static string Name(RosLogLevel level) => level switch
    {
        RosLogLevel.Debug => "DEBUG",
        RosLogLevel.Info => "INFO",
        RosLogLevel.Warn => "WARN",
        RosLogLevel.Error => "ERROR",
        RosLogLevel.Fatal => "FATAL",
        _ => "UNSET",
    };

    /// <summary>Parses a level name as <c>--log-level</c> takes it (any case).</summary>
    public static bool TryParse(string text, out RosLogLevel level)
    {
        level = text.Trim().ToUpperInvariant() switch
        {
            "DEBUG" => RosLogLevel.Debug,
            "INFO" => RosLogLevel.Info,
            "WARN" => RosLogLevel.Warn,
            "ERROR" => RosLogLevel.Error,
            "FATAL" => RosLogLevel.Fatal,
            "UNSET" => RosLogLevel.Unset,
            _ => (RosLogLevel)255,
        };
        return level != (RosLogLevel)255;
    }
}
