namespace PhysicalAI.Policy.Loop;

/// <summary>
/// The most recent inference latencies, for p50/p99 in diagnostics: a fixed ring, and quantiles sorted in a
/// scratch copy, so neither recording nor reading allocates. Thread-safe (inference records, the node reads).
/// </summary>
public sealed class LatencyWindow(int capacity = 512)
{
    private readonly object _gate = new();
    private readonly double[] _ring = new double[capacity];
    private readonly double[] _scratch = new double[capacity];
    private long _count;

    /// <summary>Latencies recorded since start.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Record(double seconds)
    {
        lock (_gate)
        {
            _ring[_count % _ring.Length] = seconds;
            _count++;
        }
    }

    /// <summary>The latency at quantile <paramref name="q"/> (0..1) over the window, seconds; NaN when empty.</summary>
    public double Quantile(double q)
    {
        lock (_gate)
        {
            int n = (int)Math.Min(_count, _ring.Length);
            if (n == 0)
            {
                return double.NaN;
            }

            Span<double> sorted = _scratch.AsSpan(0, n);
            _ring.AsSpan(0, n).CopyTo(sorted);
            sorted.Sort();
            return sorted[Math.Clamp((int)Math.Ceiling(q * n) - 1, 0, n - 1)];
        }
    }
}
