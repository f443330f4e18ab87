using PhysicalAI.Robot;
using PhysicalAI.Robot.Kinematics;

namespace PhysicalAI.Sim;

/// <summary>
/// The arm as a position-controlled robot: one <see cref="JointServo"/> per actuated joint (in the
/// model's actuated order), stepped in time, with forward kinematics for every link. Joints without an
/// acceleration limit in the model get <see cref="DefaultAcceleration"/>, as real servos have one.
/// </summary>
public sealed class SimulatedArm
{
    /// <summary>Acceleration bound for joints whose limits give none (rad/s², or m/s² for prismatic joints).</summary>
    public const double DefaultAcceleration = 8.0;

    /// <summary>Velocity bound for joints whose limits give none (rad/s, or m/s for prismatic joints).</summary>
    public const double DefaultVelocity = 2.0;

    private readonly JointServo[] _servos;
    private readonly double[] _positions;
    private readonly ForwardKinematics _kinematics;

    /// <summary>An arm of <paramref name="model"/> at its home position (0, or the nearest limit).</summary>
    public SimulatedArm(RobotModel model)
    {
        Model = model;
        _servos = [.. model.ActuatedJoints.Select(j => new JointServo(
            j.Limits.MinPosition,
            j.Limits.MaxPosition,
            j.Limits.HasVelocityLimits ? j.Limits.MaxVelocity : DefaultVelocity,
            j.Limits.HasAccelerationLimits ? j.Limits.MaxAcceleration : DefaultAcceleration,
            0))];
        _positions = new double[_servos.Length];
        _kinematics = new ForwardKinematics(model);
        LinkPoses = new Transform3d[model.Links.Count];
        Refresh();
    }

    /// <summary>The robot.</summary>
    public RobotModel Model { get; }

    /// <summary>Actuated joint positions, in the model's actuated order.</summary>
    public ReadOnlySpan<double> Positions => _positions;

    /// <summary>The servos, for velocities and targets.</summary>
    public IReadOnlyList<JointServo> Servos => _servos;

    /// <summary>Every link's pose in the root frame, after the last step.</summary>
    public Transform3d[] LinkPoses { get; }

    /// <summary>Position commands for all actuated joints, in order.</summary>
    /// <exception cref="ArgumentException">Wrong count.</exception>
    public void CommandPositions(ReadOnlySpan<double> targets)
    {
        Check(targets.Length);
        for (int i = 0; i < _servos.Length; i++)
        {
            _servos[i].CommandPosition(targets[i]);
        }
    }

    /// <summary>Velocity commands for all actuated joints, in order.</summary>
    /// <exception cref="ArgumentException">Wrong count.</exception>
    public void CommandVelocities(ReadOnlySpan<double> velocities)
    {
        Check(velocities.Length);
        for (int i = 0; i < _servos.Length; i++)
        {
            _servos[i].CommandVelocity(velocities[i]);
        }
    }

    /// <summary>Puts every joint at <paramref name="positions"/>, at rest.</summary>
    public void Reset(ReadOnlySpan<double> positions)
    {
        Check(positions.Length);
        for (int i = 0; i < _servos.Length; i++)
        {
            _servos[i].Reset(positions[i]);
        }

        Refresh();
    }

    /// <summary>Advances <paramref name="dt"/> seconds.</summary>
    public void Step(double dt)
    {
        foreach (JointServo servo in _servos)
        {
            servo.Step(dt);
        }

        Refresh();
    }

    /// <summary>The pose of link <paramref name="name"/> in the root frame.</summary>
    public Transform3d LinkPose(string name) => LinkPoses[Model.LinkIndex(name)];

    private void Refresh()
    {
        for (int i = 0; i < _servos.Length; i++)
        {
            _positions[i] = _servos[i].Position;
        }

        _kinematics.ComputeLinkPoses(_positions, LinkPoses);
    }

    private void Check(int count)
    {
        if (count != _servos.Length)
        {
            throw new ArgumentException($"robot '{Model.Name}' has {_servos.Length} actuated joints ({string.Join(", ", Model.ActuatedJointNames)}); got {count} values");
        }
    }
}
