namespace PhysicalAI.Safety;

/// <summary>
/// A validated action chunk being played: waypoints for every joint at times from its start (joints the
/// policy left out hold where they were), interpolated linearly and held at the end. Buffers are sized once,
/// so accepting a chunk allocates nothing.
/// </summary>
public sealed class ActionChunk
{
    private readonly double[] _times;
    private readonly double[] _points;
    private readonly int _joints;

    public ActionChunk(int joints, int capacity)
    {
        _joints = joints;
        _times = new double[capacity + 1];
        _points = new double[(capacity + 1) * joints];
    }

    /// <summary>Most points a chunk may have.</summary>
    public int Capacity => _times.Length - 1;

    /// <summary>Waypoints held (including the starting point when the first waypoint is after time 0).</summary>
    public int Count { get; private set; }

    /// <summary>When the chunk started, s (the controller's clock).</summary>
    public double Start { get; private set; }

    /// <summary>How much the timing was stretched to keep within the velocity limits (1 = as sent).</summary>
    public double TimeScale { get; private set; } = 1;

    /// <summary>Seconds from its start to its last waypoint (after scaling).</summary>
    public double Duration => Count == 0 ? 0 : _times[Count - 1];

    internal Span<double> Times => _times;

    internal Span<double> Point(int index) => _points.AsSpan(index * _joints, _joints);

    internal void Set(int count, double start, double timeScale)
    {
        Count = count;
        Start = start;
        TimeScale = timeScale;
    }

    /// <summary>Forgets the chunk.</summary>
    public void Clear() => Count = 0;

    /// <summary>The targets at <paramref name="now"/> into <paramref name="targets"/>.</summary>
    public void Sample(double now, Span<double> targets)
    {
        if (Count == 0)
        {
            return;
        }

        double t = now - Start;
        if (t >= _times[Count - 1])
        {
            Point(Count - 1).CopyTo(targets);
            return;
        }

        if (t <= _times[0])
        {
            Point(0).CopyTo(targets);
            return;
        }

        int k = 0;
        while (_times[k + 1] <= t)
        {
            k++;
        }

        double s = (t - _times[k]) / (_times[k + 1] - _times[k]);
        ReadOnlySpan<double> from = Point(k), to = Point(k + 1);
        for (int j = 0; j < _joints; j++)
        {
            targets[j] = from[j] + (s * (to[j] - from[j]));
        }
    }
}
