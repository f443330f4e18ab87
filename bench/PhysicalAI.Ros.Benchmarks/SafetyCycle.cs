using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;
using PhysicalAI.Safety;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>
/// One safety-controller cycle as the node runs it for pai_arm's seven actuated joints: a joint state in,
/// a policy setpoint in (names reversed, so matching does work), then the cycle with every check —
/// validation, arbitration, watchdog and faults, soft limits, braking distance, speed, acceleration, jerk,
/// and the workspace box through forward kinematics of the stopping point.
/// </summary>
internal sealed class SafetyCycle
{
    private readonly SafetyController _controller;
    private readonly string[] _names, _reversed;
    private readonly double[] _targets, _reversedTargets;
    private double _now;
    private int _step;

    public SafetyCycle()
    {
        RobotModel robot = UrdfParser.Load(Path.Combine(AppContext.BaseDirectory, "urdf", "pai_arm.urdf"));
        JointSafetyLimits[] limits = [.. robot.ActuatedJoints.Select(j => JointSafetyLimits.FromJoint(j, new SafetyDefaults()))];
        var workspace = new WorkspaceGuard(robot, "tool0", new WorkspaceBox(new Vector3d(-0.6, -0.6, 0.01), new Vector3d(0.6, 0.6, 0.9)));
        _controller = new SafetyController(limits, new SafetyControllerOptions { StartEnabled = true }, workspace);
        _names = [.. robot.ActuatedJointNames];
        _reversed = [.. _names.Reverse()];
        _targets = new double[_names.Length];
        _reversedTargets = new double[_names.Length];
        _controller.OnJointState(_names, _targets, 0);
        for (int i = 0; i < 1000; i++)
        {
            Run();
        }
    }

    public int Joints => _names.Length;

    public SafetyController Controller => _controller;

    /// <summary>One cycle; the setpoint sweeps back and forth so the limiter is always working.</summary>
    public double Run()
    {
        _now += 0.002;
        _step++;
        double phase = Math.Sin(_step * 0.002 * 2);
        for (int j = 0; j < _targets.Length; j++)
        {
            _reversedTargets[_targets.Length - 1 - j] = 0.5 * phase * (j % 2 == 0 ? 1 : -1) * (j == _targets.Length - 1 ? 0.02 : 1);
        }

        _controller.OnJointState(_names, _controller.Limiter.Positions, _now);
        _controller.OnPolicySetpoint(_reversed, _reversedTargets, _now);
        _controller.Cycle(_now);
        return _controller.Limiter.Positions[0];
    }
}
