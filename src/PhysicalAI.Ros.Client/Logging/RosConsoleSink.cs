using System.Globalization;
using System.Text;

namespace PhysicalAI.Ros.Client.Logging;

/// <summary>
/// Writes log records to stderr in ROS 2's console format, <c>[INFO] [1700000000.123456789] [talker]: Hello</c>,
/// honouring <c>RCUTILS_CONSOLE_OUTPUT_FORMAT</c>, <c>RCUTILS_COLORIZED_OUTPUT</c> and
/// <c>RCUTILS_LOGGING_USE_STDOUT</c> as rcutils does.
/// </summary>
public sealed class RosConsoleSink : IRosLogSink
{
    private const string DefaultFormat = "[{severity}] [{time}] [{name}]: {message}";
    private readonly Lock _gate = new();
    private readonly TextWriter _output;
    private readonly string _format;
    private readonly bool _colorize;

    /// <summary>Creates a sink configured from the environment.</summary>
    public RosConsoleSink()
        : this(
            Environment.GetEnvironmentVariable("RCUTILS_LOGGING_USE_STDOUT") == "1" ? Console.Out : Console.Error,
            Environment.GetEnvironmentVariable("RCUTILS_CONSOLE_OUTPUT_FORMAT"),
            Environment.GetEnvironmentVariable("RCUTILS_COLORIZED_OUTPUT") switch
            {
                "1" => true,
                "0" => false,
                _ => !Console.IsErrorRedirected,
            })
    {
    }

    /// <summary>Creates a sink writing to <paramref name="output"/>.</summary>
    public RosConsoleSink(TextWriter output, string? format, bool colorize)
    {
        _output = output;
        _format = string.IsNullOrEmpty(format) ? DefaultFormat : format;
        _colorize = colorize;
    }

    /// <inheritdoc/>
    public void Write(in RosLogRecord record)
    {
        string line = Format(record);
        if (_colorize)
        {
            string? color = record.Level switch
            {
                RosLogLevel.Debug => "\u001b[32m",
                RosLogLevel.Warn => "\u001b[33m",
                RosLogLevel.Error or RosLogLevel.Fatal => "\u001b[31m",
                _ => null,
            };
            if (color is not null)
            {
                line = color + line + "\u001b[0m";
            }
        }

        lock (_gate)
        {
            try
            {
                _output.WriteLine(line);
                _output.Flush();
            }
            catch (IOException)
            {
                // A closed terminal or pipe must not take the node down with it.
            }
        }
    }

    /// <summary>Formats <paramref name="record"/> with the configured output format.</summary>
    public string Format(in RosLogRecord record)
    {
        var sb = new StringBuilder(_format.Length + record.Message.Length + 32);
        int i = 0;
        while (i < _format.Length)
        {
            int open = _format.IndexOf('{', i);
            int close = open < 0 ? -1 : _format.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                sb.Append(_format, i, _format.Length - i);
                break;
            }

            sb.Append(_format, i, open - i);
            string token = _format[(open + 1)..close];
            string? value = token switch
            {
                "severity" => RosLogLevels.Name(record.Level),
                "name" => record.LoggerName,
                "message" => record.Message,
                "time" => Seconds(record.TimestampNanoseconds),
                "time_as_nanoseconds" => record.TimestampNanoseconds.ToString(CultureInfo.InvariantCulture),
                "date_time_with_ms" => DateTimeOffset.FromUnixTimeMilliseconds(record.TimestampNanoseconds / 1_000_000).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                "function_name" => record.Function,
                "file_name" => record.File,
                "line_number" => record.Line.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            sb.Append(value ?? _format[open..(close + 1)]);
            i = close + 1;
        }

        return sb.ToString();
    }

    private static string Seconds(long nanoseconds) =>
        (nanoseconds / 1_000_000_000).ToString(CultureInfo.InvariantCulture) + "." +
        (nanoseconds % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
}
