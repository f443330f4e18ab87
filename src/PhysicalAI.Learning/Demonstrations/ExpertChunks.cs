using PhysicalAI.Sim;

namespace PhysicalAI.Learning.Demonstrations;

/// <summary>
/// The scripted expert asked "what next?" from wherever the arm is: its planned waypoints (above the
/// target, then at it) approached from the current joint positions by at most its joint step per control
/// step, as <see cref="ScriptedExpert.NextTargets"/> does from its own last target. Labels made this way
/// correct the arm back toward the plan after a perturbation (DART / DAgger-style relabelling), rather
/// than replaying where the arm would have been without it.
/// </summary>
public sealed class ExpertChunks
{
    private readonly double[][] _waypoints;
    private readonly double _step;
    private readonly double[] _target;

    /// <summary>Chunks along <paramref name="expert"/>'s current plan.</summary>
    /// <exception cref="InvalidOperationException">The expert has no plan.</exception>
    public ExpertChunks(ScriptedExpert expert)
    {
        if (expert.Waypoints.Count == 0)
        {
            throw new InvalidOperationException($"the expert has no plan: {expert.Failure ?? "Plan was not called"}");
        }

        _waypoints = [.. expert.Waypoints.Select(w => w.ToArray())];
        _step = expert.MaxJointStep;
        _target = new double[_waypoints[0].Length];
    }

    /// <summary>The waypoint being approached; it advances once the arm is within a joint step of it.</summary>
    public int Waypoint { get; private set; }

    /// <summary>
    /// Writes the next <paramref name="horizon"/> targets from <paramref name="positions"/> (all actuated joints)
    /// into <paramref name="chunk"/>: row k, the joints at <paramref name="joints"/>.
    /// </summary>
    public void Next(ReadOnlySpan<double> positions, int horizon, IReadOnlyList<int> joints, Span<double> chunk)
    {
        if (Waypoint < _waypoints.Length - 1 && Distance(positions, _waypoints[Waypoint]) <= _step)
        {
            Waypoint++;
        }

        positions.CopyTo(_target);
        int waypoint = Waypoint;
        for (int k = 0; k < horizon; k++)
        {
            double[] goal = _waypoints[waypoint];
            double remaining = 0;
            for (int i = 0; i < _target.Length; i++)
            {
                _target[i] += Math.Clamp(goal[i] - _target[i], -_step, _step);
                remaining = Math.Max(remaining, Math.Abs(goal[i] - _target[i]));
            }

            if (remaining < 1e-9 && waypoint < _waypoints.Length - 1)
            {
                waypoint++;
            }

            for (int j = 0; j < joints.Count; j++)
            {
                chunk[(k * joints.Count) + j] = _target[joints[j]];
            }
        }
    }

    private static double Distance(ReadOnlySpan<double> a, double[] b)
    {
        double d = 0;
        for (int i = 0; i < b.Length; i++)
        {
            d = Math.Max(d, Math.Abs(a[i] - b[i]));
        }

        return d;
    }
}
