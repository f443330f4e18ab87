using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace PhysicalAI.Nodes;

/// <summary>
/// Warnings for dropped messages, at most one a second per topic (with how many were dropped unlogged in
/// between), so a misbehaving publisher cannot flood the log. Callers ask <see cref="ShouldLog"/> before
/// building the message text, so a flood costs nothing but a counter.
/// </summary>
internal sealed class RejectionLog(ILogger logger, string what = "Command")
{
    private static readonly long Interval = Stopwatch.Frequency;

    private readonly Dictionary<string, (long At, int Suppressed)> _last = [];

    /// <summary>Whether a rejection on <paramref name="topic"/> is logged now; if not, it is counted.</summary>
    public bool ShouldLog(string topic)
    {
        if (_last.TryGetValue(topic, out (long At, int Suppressed) last) && Stopwatch.GetTimestamp() - last.At < Interval)
        {
            _last[topic] = (last.At, last.Suppressed + 1);
            return false;
        }

        return true;
    }

    /// <summary>Logs why a message on <paramref name="topic"/> was dropped (after <see cref="ShouldLog"/> said yes).</summary>
    public void Log(string topic, string reason)
    {
        int suppressed = _last.TryGetValue(topic, out (long At, int Suppressed) last) ? last.Suppressed : 0;
        string more = suppressed > 0 ? $" ({suppressed} more rejected since the last warning)" : string.Empty;
        logger.LogWarning("{What} on '{Topic}' rejected: {Reason}{More}", what, topic, reason, more);
        _last[topic] = (Stopwatch.GetTimestamp(), 0);
    }
}
