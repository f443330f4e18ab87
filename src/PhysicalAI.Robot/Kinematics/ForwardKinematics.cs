namespace PhysicalAI.Robot.Kinematics;

/// <summary>
/// Link poses in the root frame from joint positions, for every link of a robot. Positions are given for
/// the actuated joints (<see cref="RobotModel.ActuatedJoints"/> order); mimic joints follow their master.
/// Computes into caller-provided spans: nothing is allocated per call.
/// </summary>
public sealed class ForwardKinematics
{
    // Links in an order where every parent comes before its children.
    private readonly int[] _order;
    private readonly int[] _parentLink;
    private readonly Joint?[] _jointOf;
    private readonly int[] _positionIndex;
    private readonly double[] _multiplier;
    private readonly double[] _offset;

    /// <summary>Prepares forward kinematics for <paramref name="model"/>.</summary>
    public ForwardKinematics(RobotModel model)
    {
        Model = model;
        int n = model.Links.Count;
        _parentLink = new int[n];
        _jointOf = new Joint?[n];
        _positionIndex = new int[n];
        _multiplier = new double[n];
        _offset = new double[n];
        for (int i = 0; i < n; i++)
        {
            Joint? joint = model.ParentJoint[i];
            _jointOf[i] = joint;
            _parentLink[i] = joint is null ? -1 : model.LinkIndex(joint.Parent);
            _multiplier[i] = 1;
            _positionIndex[i] = -1;
            if (joint is { IsMovable: true })
            {
                string source = joint.Mimic?.Joint ?? joint.Name;
                _positionIndex[i] = model.ActuatedIndex(source);
                _multiplier[i] = joint.Mimic?.Multiplier ?? 1;
                _offset[i] = joint.Mimic?.Offset ?? 0;
            }
        }

        var order = new List<int>(n) { model.LinkIndex(model.RootLink) };
        for (int k = 0; k < order.Count; k++)
        {
            for (int i = 0; i < n; i++)
            {
                if (_parentLink[i] == order[k])
                {
                    order.Add(i);
                }
            }
        }

        _order = [.. order];
    }

    /// <summary>The robot.</summary>
    public RobotModel Model { get; }

    /// <summary>
    /// The pose of every link (indexed as <see cref="RobotModel.Links"/>) in the root link's frame.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong span lengths.</exception>
    public void ComputeLinkPoses(ReadOnlySpan<double> positions, Span<Transform3d> poses)
    {
        if (positions.Length != Model.ActuatedJoints.Count || poses.Length != Model.Links.Count)
        {
            throw new ArgumentException($"need {Model.ActuatedJoints.Count} joint positions and room for {Model.Links.Count} link poses");
        }

        foreach (int link in _order)
        {
            int parent = _parentLink[link];
            if (parent < 0)
            {
                poses[link] = Transform3d.Identity;
                continue;
            }

            poses[link] = poses[parent] * _jointOf[link]!.Transform(JointPosition(link, positions));
        }
    }

    /// <summary>The position of the joint above <paramref name="link"/> (mimics applied).</summary>
    internal double JointPosition(int link, ReadOnlySpan<double> positions) =>
        _positionIndex[link] < 0 ? 0 : (_multiplier[link] * positions[_positionIndex[link]]) + _offset[link];
}
