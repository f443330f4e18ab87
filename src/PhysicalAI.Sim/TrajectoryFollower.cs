namespace PhysicalAI.Sim;

/// <summary>
/// Plays a joint trajectory (waypoints at times from its start) as position targets, interpolating
/// linearly between waypoints and holding the last one, as a joint_trajectory_controller does with
/// position-only points. Joints the trajectory does not name keep their current target.
/// </summary>
public sealed class TrajectoryFollower
{
    private int[] _jointIndex = [];
    private double[] _times = [];
    private double[][] _points = [];
    private double _start;

    /// <summary>Whether a trajectory is loaded and not yet finished.</summary>
    public bool IsActive { get; private set; }

    /// <summary>
    /// Loads a trajectory starting at time <paramref name="start"/>: for each waypoint its time from start
    /// (s, increasing) and positions of the joints at <paramref name="jointIndex"/> (indices into the arm's
    /// actuated joints). A first waypoint after time zero is reached from <paramref name="current"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Times not increasing, or sizes that do not match.</exception>
    public void Load(double start, IReadOnlyList<int> jointIndex, IReadOnlyList<double> times, IReadOnlyList<double[]> points, ReadOnlySpan<double> current)
    {
        if (times.Count != points.Count || points.Any(p => p.Length != jointIndex.Count))
        {
            throw new ArgumentException("every trajectory point needs one position per joint name");
        }

        for (int i = 0; i < times.Count; i++)
        {
            if (!double.IsFinite(times[i]) || times[i] < 0 || (i > 0 && times[i] <= times[i - 1]))
            {
                throw new ArgumentException($"point {i}: time_from_start must be finite, non-negative and increasing (got {times[i]})");
            }

            if (points[i].Any(p => !double.IsFinite(p)))
            {
                throw new ArgumentException($"point {i}: positions must be finite");
            }
        }

        double[] from = new double[jointIndex.Count];
        for (int j = 0; j < from.Length; j++)
        {
            from[j] = current[jointIndex[j]];
        }

        _jointIndex = [.. jointIndex];
        _times = times.Count > 0 && times[0] > 0 ? [0, .. times] : [.. times];
        _points = times.Count > 0 && times[0] > 0 ? [from, .. points] : [.. points];
        _start = start;
        IsActive = _points.Length > 0;
    }

    /// <summary>Stops following (the targets stay where they are).</summary>
    public void Cancel() => IsActive = false;

    /// <summary>Writes the targets for time <paramref name="now"/> into <paramref name="targets"/>.</summary>
    public void Sample(double now, Span<double> targets)
    {
        if (!IsActive)
        {
            return;
        }

        double t = now - _start;
        int last = _times.Length - 1;
        if (t >= _times[last])
        {
            Write(_points[last], targets);
            IsActive = false;
            return;
        }

        int k = 0;
        while (k < last && _times[k + 1] <= t)
        {
            k++;
        }

        if (t <= _times[0])
        {
            Write(_points[0], targets);
            return;
        }

        double s = (t - _times[k]) / (_times[k + 1] - _times[k]);
        for (int j = 0; j < _jointIndex.Length; j++)
        {
            targets[_jointIndex[j]] = _points[k][j] + (s * (_points[k + 1][j] - _points[k][j]));
        }
    }

    private void Write(double[] point, Span<double> targets)
    {
        for (int j = 0; j < _jointIndex.Length; j++)
        {
            targets[_jointIndex[j]] = point[j];
        }
    }
}
