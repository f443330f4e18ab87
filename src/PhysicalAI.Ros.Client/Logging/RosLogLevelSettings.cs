namespace PhysicalAI.Ros.Client.Logging;

/// <summary>
/// The default severity threshold and per-logger thresholds (<c>--log-level</c> and
/// <c>--log-level name:=level</c>). A logger without its own level inherits from its dotted ancestors,
/// then the default, as rcutils does.
/// </summary>
public sealed class RosLogLevelSettings
{
    private readonly Dictionary<string, RosLogLevel> _levels = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Threshold for loggers without their own.</summary>
    public RosLogLevel Default { get; set; } = RosLogLevel.Info;

    /// <summary>Sets the threshold of <paramref name="logger"/> (Unset removes it).</summary>
    public void Set(string logger, RosLogLevel level)
    {
        lock (_gate)
        {
            if (level == RosLogLevel.Unset)
            {
                _levels.Remove(logger);
            }
            else
            {
                _levels[logger] = level;
            }
        }
    }

    /// <summary>The threshold that applies to <paramref name="logger"/>.</summary>
    public RosLogLevel EffectiveLevel(string logger)
    {
        lock (_gate)
        {
            string name = logger;
            while (true)
            {
                if (_levels.TryGetValue(name, out RosLogLevel level))
                {
                    return level;
                }

                int dot = name.LastIndexOf('.');
                if (dot < 0)
                {
                    return Default;
                }

                name = name[..dot];
            }
        }
    }
}
