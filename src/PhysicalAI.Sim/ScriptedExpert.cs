using PhysicalAI.Robot;
using PhysicalAI.Robot.Kinematics;

namespace PhysicalAI.Sim;

/// <summary>
/// Solves the reach task the way a person would script it, for demonstrations: inverse kinematics for a
/// point above the target cube (tool pointing down), then for the goal point itself. A short arm (the
/// five-joint SO-101) cannot point straight down at the far edge of the table, so the approach tilts
/// outward, away from the base, in steps until both points are solvable — as a person would lean the
/// gripper to reach further — and, failing that, any orientation that puts the tool on the point does.
/// Each control step
/// moves the joint targets toward the current waypoint by at most <see cref="MaxJointStep"/> so the
/// motion is smooth and the servos never saturate into a jerk.
/// </summary>
public sealed class ScriptedExpert
{
    /// <summary>The approach: tool z axis straight down.</summary>
    public static readonly Vector3d Down = new(0, 0, -1);

    private readonly InverseKinematics _ik;
    private readonly double[] _target;
    private double[][] _waypoints = [];
    private int _waypoint;

    /// <summary>An expert for <paramref name="arm"/>, whose tool is <paramref name="toolLink"/>.</summary>
    public ScriptedExpert(SimulatedArm arm, string toolLink = "tool0")
    {
        Arm = arm;
        Chain = new KinematicChain(arm.Model, arm.Model.RootLink, toolLink);
        _ik = new InverseKinematics(Chain);
        _target = new double[arm.Model.ActuatedJoints.Count];
    }

    /// <summary>The arm.</summary>
    public SimulatedArm Arm { get; }

    /// <summary>The chain to the tool.</summary>
    public KinematicChain Chain { get; }

    /// <summary>Largest change of a joint target per control step, rad (or m).</summary>
    public double MaxJointStep { get; init; } = 0.03;

    /// <summary>Height above the goal point to come from, m.</summary>
    public double ApproachHeight { get; init; } = 0.08;

    /// <summary>Approach tilts from straight down toward the cube's side away from the base, tried in order, rad.</summary>
    public IReadOnlyList<double> ApproachTilts { get; init; } = [0, 0.35, 0.7, 1.05, 1.4];

    /// <summary>The planned joint positions: above the goal, then at it (empty until a plan succeeds).</summary>
    public IReadOnlyList<double[]> Waypoints => _waypoints;

    /// <summary>Why planning failed, or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>Plans the motion for <paramref name="scene"/> from the arm's current position. Returns false (with <see cref="Failure"/>) when IK cannot solve it.</summary>
    public bool Plan(Scene scene)
    {
        Vector3d goal = scene.Target.GoalPoint;
        double[] current = Arm.Positions.ToArray();
        IkResult? above = null, at = null;
        foreach (Vector3d? approach in ApproachTilts.Select(tilt => (Vector3d?)TiltedApproach(goal, tilt)).Append(null))
        {
            above = _ik.Solve(goal + new Vector3d(0, 0, ApproachHeight), approach, current);
            at = _ik.Solve(goal, approach, above.Positions);
            if (above.Converged && at.Converged)
            {
                break;
            }
        }

        if (above is null || at is null || !above.Converged || !at.Converged)
        {
            Failure = (above?.Converged == true ? at?.Reason : above?.Reason) ?? "inverse kinematics failed";
            _waypoints = [];
            return false;
        }

        Failure = null;
        _waypoints = [above.Positions, at.Positions];
        _waypoint = 0;
        current.CopyTo(_target, 0);
        return true;
    }

    private Vector3d TiltedApproach(Vector3d goal, double tilt)
    {
        // Scene coordinates are the robot's base frame, so "away from the base" is the goal's bearing.
        double dx = goal.X, dy = goal.Y;
        double radius = Math.Sqrt((dx * dx) + (dy * dy));
        if (tilt == 0 || radius < 1e-6)
        {
            return Down;
        }

        return new Vector3d(Math.Sin(tilt) * dx / radius, Math.Sin(tilt) * dy / radius, -Math.Cos(tilt));
    }

    /// <summary>The joint position targets for the next control step (call once per step).</summary>
    public ReadOnlySpan<double> NextTargets()
    {
        if (_waypoints.Length == 0)
        {
            return _target;
        }

        double[] goal = _waypoints[_waypoint];
        double remaining = 0;
        for (int i = 0; i < _target.Length; i++)
        {
            double delta = Math.Clamp(goal[i] - _target[i], -MaxJointStep, MaxJointStep);
            _target[i] += delta;
            remaining = Math.Max(remaining, Math.Abs(goal[i] - _target[i]));
        }

        if (remaining < 1e-9 && _waypoint < _waypoints.Length - 1)
        {
            _waypoint++;
        }

        return _target;
    }
}
