namespace PhysicalAI.Ros.Client;

/// <summary>How a node is created (rclcpp's <c>NodeOptions</c>).</summary>
public sealed record NodeOptions
{
    /// <summary>The node's namespace before remapping; "/" (the root) by default.</summary>
    public string Namespace { get; init; } = "/";

    /// <summary>Node-local ROS arguments (<c>-r</c> rules here apply before the context's).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Whether the context's command-line arguments apply to this node. Default true.</summary>
    public bool UseGlobalArguments { get; init; } = true;
}
