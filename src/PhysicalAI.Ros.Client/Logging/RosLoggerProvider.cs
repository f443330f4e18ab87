using Microsoft.Extensions.Logging;

namespace PhysicalAI.Ros.Client.Logging;

/// <summary>
/// A Microsoft.Extensions.Logging provider with ROS 2 semantics: thresholds from <c>--log-level</c>,
/// records delivered to every sink (the console in ROS 2's format; /rosout once a context publishes it).
/// </summary>
public sealed class RosLoggerProvider : ILoggerProvider
{
    private readonly List<IRosLogSink> _sinks = [];
    private readonly Lock _gate = new();
    private IRosLogSink[] _snapshot = [];

    /// <summary>Creates a provider with the given thresholds and no sinks.</summary>
    public RosLoggerProvider(RosLogLevelSettings levels) => Levels = levels;

    /// <summary>Severity thresholds.</summary>
    public RosLogLevelSettings Levels { get; }

    /// <summary>Adds a sink.</summary>
    public void AddSink(IRosLogSink sink)
    {
        lock (_gate)
        {
            _sinks.Add(sink);
            _snapshot = [.. _sinks];
        }
    }

    /// <summary>Removes a sink.</summary>
    public void RemoveSink(IRosLogSink sink)
    {
        lock (_gate)
        {
            _sinks.Remove(sink);
            _snapshot = [.. _sinks];
        }
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new RosLogger(this, categoryName);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    internal void Emit(in RosLogRecord record)
    {
        foreach (IRosLogSink sink in _snapshot)
        {
            sink.Write(record);
        }
    }

    private sealed class RosLogger(RosLoggerProvider provider, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel)
        {
            RosLogLevel level = RosLogLevels.FromLogLevel(logLevel);
            return level != RosLogLevel.Unset && level >= provider.Levels.EffectiveLevel(name);
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            string message = formatter(state, exception);
            if (exception is not null)
            {
                message += Environment.NewLine + exception;
            }

            // Log stamps are system time, as rcutils stamps them, even when nodes run on simulated time.
            long now = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
            provider.Emit(new RosLogRecord(RosLogLevels.FromLogLevel(logLevel), name, message, now));
        }
    }
}
