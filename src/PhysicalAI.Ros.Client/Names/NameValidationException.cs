namespace PhysicalAI.Ros.Client.Names;

/// <summary>
/// A ROS name breaks ROS 2's naming rules. Like rclcpp's <c>NameValidationError</c>, it carries the kind,
/// the name, the reason and the index of the offending character.
/// </summary>
public sealed class NameValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public NameValidationException(NameKind kind, string name, string reason, int invalidIndex)
        : base(Format(kind, name, reason, invalidIndex))
    {
        Kind = kind;
        Name = name;
        Reason = reason;
        InvalidIndex = invalidIndex;
    }

    /// <summary>What kind of name it is.</summary>
    public NameKind Kind { get; }

    /// <summary>The name as given.</summary>
    public string Name { get; }

    /// <summary>rmw/rcl's reason text, such as <c>node name must not start with a number</c>.</summary>
    public string Reason { get; }

    /// <summary>Index of the first offending character.</summary>
    public int InvalidIndex { get; }

    private static string Format(NameKind kind, string name, string reason, int index)
    {
        string label = kind switch
        {
            NameKind.Node => "node name",
            NameKind.Namespace => "namespace",
            NameKind.Service => "service name",
            _ => "topic name",
        };

        // rclcpp's layout: the reason, then the name with a caret under the offending character.
        string caret = new string(' ', Math.Clamp(index, 0, name.Length)) + "^";
        return $"Invalid {label} '{name}': {reason}:\n  '{name}'\n   {caret}";
    }
}
