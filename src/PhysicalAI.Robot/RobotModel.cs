namespace PhysicalAI.Robot;

/// <summary>
/// A robot's kinematic tree from URDF: links, joints, the root, and the joints that are commanded
/// (movable, not mimic) in document order — the order of <c>/joint_states</c> and command arrays.
/// Immutable; <see cref="WithLimits"/> gives a copy with other limits.
/// </summary>
public sealed class RobotModel
{
    private readonly Dictionary<string, int> _linkIndex;
    private readonly Dictionary<string, int> _jointIndex;

    internal RobotModel(string name, IReadOnlyList<Link> links, IReadOnlyList<Joint> joints, IReadOnlyList<string> warnings)
    {
        Name = name;
        Links = links;
        Joints = joints;
        Warnings = warnings;
        _linkIndex = links.Select((l, i) => (l.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        _jointIndex = joints.Select((j, i) => (j.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var children = new HashSet<string>(joints.Select(j => j.Child), StringComparer.Ordinal);
        RootLink = links.First(l => !children.Contains(l.Name)).Name;
        ActuatedJoints = [.. joints.Where(j => j.IsActuated)];
        ActuatedJointNames = [.. ActuatedJoints.Select(j => j.Name)];
        ParentJoint = links.Select(l => joints.FirstOrDefault(j => j.Child == l.Name)).ToArray();
    }

    /// <summary>The robot's name.</summary>
    public string Name { get; }

    /// <summary>All links, in document order.</summary>
    public IReadOnlyList<Link> Links { get; }

    /// <summary>All joints, in document order.</summary>
    public IReadOnlyList<Joint> Joints { get; }

    /// <summary>The link no joint has as child.</summary>
    public string RootLink { get; }

    /// <summary>The commanded joints (movable, not mimic), in document order.</summary>
    public IReadOnlyList<Joint> ActuatedJoints { get; }

    /// <summary>Names of <see cref="ActuatedJoints"/>.</summary>
    public IReadOnlyList<string> ActuatedJointNames { get; }

    /// <summary>What the parser could read only approximately (meshes drawn as bounding boxes, say).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>For each link (by index), the joint whose child it is (null for the root).</summary>
    internal IReadOnlyList<Joint?> ParentJoint { get; }

    /// <summary>The link named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such link; the message lists the links.</exception>
    public Link Link(string name) => Links[LinkIndex(name)];

    /// <summary>The joint named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such joint; the message lists the joints.</exception>
    public Joint Joint(string name) => _jointIndex.TryGetValue(name, out int i)
        ? Joints[i]
        : throw new KeyNotFoundException($"robot '{Name}' has no joint '{name}' (joints: {string.Join(", ", Joints.Select(j => j.Name))})");

    /// <summary>Whether a link of that name exists.</summary>
    public bool HasLink(string name) => _linkIndex.ContainsKey(name);

    /// <summary>Index of the link in <see cref="Links"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such link.</exception>
    public int LinkIndex(string name) => _linkIndex.TryGetValue(name, out int i)
        ? i
        : throw new KeyNotFoundException($"robot '{Name}' has no link '{name}' (links: {string.Join(", ", Links.Select(l => l.Name))})");

    /// <summary>Index of an actuated joint in <see cref="ActuatedJoints"/>, or -1.</summary>
    public int ActuatedIndex(string jointName)
    {
        for (int i = 0; i < ActuatedJoints.Count; i++)
        {
            if (ActuatedJoints[i].Name == jointName)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The joints from <paramref name="baseLink"/> down to <paramref name="tipLink"/>, base first.</summary>
    /// <exception cref="ArgumentException">The tip is not below the base.</exception>
    public IReadOnlyList<Joint> Chain(string baseLink, string tipLink)
    {
        var chain = new List<Joint>();
        string current = tipLink;
        LinkIndex(baseLink);
        while (current != baseLink)
        {
            Joint? parent = ParentJoint[LinkIndex(current)]
                ?? throw new ArgumentException($"link '{tipLink}' is not below '{baseLink}' in robot '{Name}'");
            chain.Add(parent);
            current = parent.Parent;
        }

        chain.Reverse();
        return chain;
    }

    /// <summary>A copy with the limits of the named joints replaced.</summary>
    /// <exception cref="KeyNotFoundException">A joint does not exist.</exception>
    public RobotModel WithLimits(IReadOnlyDictionary<string, JointLimits> limits)
    {
        foreach (string name in limits.Keys)
        {
            Joint(name);
        }

        Joint[] joints = [.. Joints.Select(j => limits.TryGetValue(j.Name, out JointLimits? l) ? j with { Limits = l } : j)];
        return new RobotModel(Name, Links, joints, Warnings);
    }
}
