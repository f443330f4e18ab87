namespace PhysicalAI.Robot.Kinematics;

/// <summary>
/// The serial chain from a base link to a tip link (a tool frame such as <c>tool0</c>): the tip's pose and
/// the geometric Jacobian from the robot's actuated joint positions. Nothing is allocated per call.
/// </summary>
public sealed class KinematicChain
{
    private readonly Joint[] _joints;
    private readonly int[] _positionIndex;
    private readonly double[] _multiplier;
    private readonly double[] _offset;

    /// <summary>Prepares the chain of <paramref name="model"/> from <paramref name="baseLink"/> to <paramref name="tipLink"/>.</summary>
    /// <exception cref="ArgumentException">The tip is not below the base.</exception>
    /// <exception cref="KeyNotFoundException">A link does not exist.</exception>
    public KinematicChain(RobotModel model, string baseLink, string tipLink)
    {
        Model = model;
        BaseLink = baseLink;
        TipLink = tipLink;
        _joints = [.. model.Chain(baseLink, tipLink)];
        _positionIndex = new int[_joints.Length];
        _multiplier = new double[_joints.Length];
        _offset = new double[_joints.Length];
        for (int i = 0; i < _joints.Length; i++)
        {
            Joint joint = _joints[i];
            _positionIndex[i] = joint.IsMovable ? model.ActuatedIndex(joint.Mimic?.Joint ?? joint.Name) : -1;
            _multiplier[i] = joint.Mimic?.Multiplier ?? 1;
            _offset[i] = joint.Mimic?.Offset ?? 0;
        }
    }

    /// <summary>The robot.</summary>
    public RobotModel Model { get; }

    /// <summary>The frame poses are expressed in.</summary>
    public string BaseLink { get; }

    /// <summary>The frame whose pose is computed.</summary>
    public string TipLink { get; }

    /// <summary>Number of actuated joint positions a call takes (all of the robot's, in its order).</summary>
    public int PositionCount => Model.ActuatedJoints.Count;

    /// <summary>The tip's pose in the base frame.</summary>
    public Transform3d TipPose(ReadOnlySpan<double> positions)
    {
        CheckLength(positions);
        Transform3d pose = Transform3d.Identity;
        for (int i = 0; i < _joints.Length; i++)
        {
            pose *= _joints[i].Transform(Position(i, positions));
        }

        return pose;
    }

    /// <summary>
    /// The 6×N geometric Jacobian at <paramref name="positions"/> (N = <see cref="PositionCount"/>), row-major
    /// into <paramref name="jacobian"/>: rows 0-2 map joint velocities to the tip's linear velocity, rows 3-5
    /// to its angular velocity, both in the base frame. Columns of joints off the chain are zero; a mimic
    /// joint adds to its master's column, scaled by its multiplier.
    /// </summary>
    /// <returns>The tip pose, computed on the way.</returns>
    public Transform3d Jacobian(ReadOnlySpan<double> positions, Span<double> jacobian)
    {
        CheckLength(positions);
        int n = PositionCount;
        if (jacobian.Length != 6 * n)
        {
            throw new ArgumentException($"the Jacobian needs 6 x {n} = {6 * n} values", nameof(jacobian));
        }

        jacobian.Clear();

        // Joint frames and axes in the base frame first, then the tip; the columns need the tip position.
        Span<Vector3d> origins = stackalloc Vector3d[_joints.Length];
        Span<Vector3d> axes = stackalloc Vector3d[_joints.Length];
        Transform3d pose = Transform3d.Identity;
        for (int i = 0; i < _joints.Length; i++)
        {
            Transform3d jointFrame = pose * _joints[i].Origin;
            origins[i] = jointFrame.Translation;
            axes[i] = jointFrame.Rotate(_joints[i].Axis);
            pose *= _joints[i].Transform(Position(i, positions));
        }

        Vector3d tip = pose.Translation;
        for (int i = 0; i < _joints.Length; i++)
        {
            int column = _positionIndex[i];
            if (column < 0)
            {
                continue;
            }

            double k = _multiplier[i];
            Vector3d linear, angular;
            if (_joints[i].Type == JointType.Prismatic)
            {
                linear = axes[i];
                angular = Vector3d.Zero;
            }
            else
            {
                linear = Vector3d.Cross(axes[i], tip - origins[i]);
                angular = axes[i];
            }

            jacobian[column] += k * linear.X;
            jacobian[n + column] += k * linear.Y;
            jacobian[(2 * n) + column] += k * linear.Z;
            jacobian[(3 * n) + column] += k * angular.X;
            jacobian[(4 * n) + column] += k * angular.Y;
            jacobian[(5 * n) + column] += k * angular.Z;
        }

        return pose;
    }

    private double Position(int i, ReadOnlySpan<double> positions) =>
        _positionIndex[i] < 0 ? 0 : (_multiplier[i] * positions[_positionIndex[i]]) + _offset[i];

    private void CheckLength(ReadOnlySpan<double> positions)
    {
        if (positions.Length != PositionCount)
        {
            throw new ArgumentException($"robot '{Model.Name}' has {PositionCount} actuated joints ({string.Join(", ", Model.ActuatedJointNames)}); got {positions.Length} positions");
        }
    }
}
