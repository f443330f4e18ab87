using PhysicalAI.Ros.Client.Logging;

namespace PhysicalAI.Ros.Tests.Shared;

/// <summary>Keeps every log line a context writes, for assertions.</summary>
public sealed class LogCapture : IRosLogSink
{
    private readonly RosConsoleSink _format = new(TextWriter.Null, null, colorize: false);
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Write(in RosLogRecord record)
    {
        string line = _format.Format(record);
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
