using System.Diagnostics;

namespace PhysicalAI.Nodes.Safety;

/// <summary>
/// The control loop's period, cycle to cycle, as a histogram of 10 µs bins (up to 100 ms; longer ones in
/// the last) since start: p50, p99 and max without keeping samples or allocating, and cheap to read.
/// </summary>
internal sealed class CyclePeriodStats
{
    private const double BinMicroseconds = 10;

    private readonly long[] _bins = new long[10_000];
    private long _last;

    public long Count { get; private set; }

    public double MaxMicroseconds { get; private set; }

    /// <summary>Records a cycle starting now.</summary>
    public void Tick()
    {
        long now = Stopwatch.GetTimestamp();
        if (_last != 0)
        {
            double us = (now - _last) * 1e6 / Stopwatch.Frequency;
            _bins[Math.Min(_bins.Length - 1, (int)(us / BinMicroseconds))]++;
            Count++;
            MaxMicroseconds = Math.Max(MaxMicroseconds, us);
        }

        _last = now;
    }

    /// <summary>The period at quantile <paramref name="q"/> (0..1), µs (the upper edge of its bin).</summary>
    public double Quantile(double q)
    {
        long rank = (long)Math.Ceiling(q * Count), seen = 0;
        for (int i = 0; i < _bins.Length; i++)
        {
            seen += _bins[i];
            if (seen >= rank && seen > 0)
            {
                return (i + 1) * BinMicroseconds;
            }
        }

        return double.NaN;
    }
}
