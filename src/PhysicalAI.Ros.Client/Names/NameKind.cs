namespace PhysicalAI.Ros.Client.Names;

/// <summary>What kind of ROS name failed validation.</summary>
public enum NameKind
{
    /// <summary>A node name.</summary>
    Node,

    /// <summary>A node namespace.</summary>
    Namespace,

    /// <summary>A topic name as written (before expansion).</summary>
    Topic,

    /// <summary>A fully qualified topic name (after expansion and remapping).</summary>
    FullTopic,

    /// <summary>A service name.</summary>
    Service,
}
