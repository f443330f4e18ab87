namespace PhysicalAI.Ros.Client.Logging;

/// <summary>One log message on its way to the console and /rosout.</summary>
/// <param name="Level">Severity.</param>
/// <param name="LoggerName">Logger name (a node's is its namespace and name joined with dots: <c>arm.safety_controller</c>).</param>
/// <param name="Message">The formatted message.</param>
/// <param name="TimestampNanoseconds">Wall time, nanoseconds since the Unix epoch.</param>
/// <param name="File">Source file, when known.</param>
/// <param name="Function">Function, when known.</param>
/// <param name="Line">Source line, when known.</param>
public readonly record struct RosLogRecord(
    RosLogLevel Level,
    string LoggerName,
    string Message,
    long TimestampNanoseconds,
    string File = "",
    string Function = "",
    uint Line = 0);
