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

    /// <summary>Initial parameter values set in code; they win over params files and <c>-p</c>.</summary>
    public IReadOnlyList<Parameters.Parameter> ParameterOverrides { get; init; } = [];

    /// <summary>Whether parameters can be set (and read) without being declared first. Default false, as in rclcpp.</summary>
    public bool AllowUndeclaredParameters { get; init; }

    /// <summary>Declares every parameter the params files, <c>-p</c> and <see cref="ParameterOverrides"/> give this node.</summary>
    public bool AutomaticallyDeclareParametersFromOverrides { get; init; }

    /// <summary>Whether the node offers the six parameter services <c>ros2 param</c> uses. Default true.</summary>
    public bool StartParameterServices { get; init; } = true;

    /// <summary>Whether parameter changes are published on <c>/parameter_events</c>. Default true.</summary>
    public bool StartParameterEventPublisher { get; init; } = true;

    /// <summary>Whether the node's log messages are published on <c>/rosout</c> (unless <c>--disable-rosout-logs</c>). Default true.</summary>
    public bool EnableRosout { get; init; } = true;
}
