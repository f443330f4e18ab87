using PhysicalAI.Ros.Client.Names;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// <c>push-ros-namespace</c> (or <c>push_ros_namespace</c>): nodes after it, to the end of the enclosing
/// scoped group, get their namespace under this one; a relative namespace nests in the one already pushed.
/// </summary>
internal sealed class PushRosNamespaceAction(SourceLocation location, LaunchCondition? condition, SubstitutionText @namespace)
    : LaunchAction(location, condition)
{
    public static PushRosNamespaceAction Read(LaunchEntity entity)
    {
        LaunchCondition? condition = LaunchCondition.Read(entity);
        var action = new PushRosNamespaceAction(entity.Location, condition, entity.RequiredText("namespace"));
        entity.EnsureAllRead(["namespace", "if", "unless"]);
        return action;
    }

    /// <summary>
    /// <paramref name="relative"/> under <paramref name="base"/>, as launch_ros combines them: an absolute
    /// namespace stands alone, a relative one nests; either may be missing (null or empty).
    /// </summary>
    public static string? Combine(string? @base, string? relative)
    {
        if (string.IsNullOrEmpty(@base))
        {
            return string.IsNullOrEmpty(relative) ? null : Absolute(relative);
        }

        if (string.IsNullOrEmpty(relative))
        {
            return Absolute(@base);
        }

        return relative.StartsWith('/') ? relative : Absolute(@base).TrimEnd('/') + "/" + relative;
    }

    /// <exception cref="LaunchFileException">The namespace is not a valid ROS namespace.</exception>
    public static string Validated(string ns, SourceLocation location)
    {
        string trimmed = ns.Length > 1 ? ns.TrimEnd('/') : ns;
        try
        {
            RosNames.ValidateNamespace(trimmed);
        }
        catch (NameValidationException e)
        {
            throw new LaunchFileException(location, $"namespace '{ns}' is not valid: {e.Message}");
        }

        return trimmed;
    }

    protected override void Execute(LaunchContext context)
    {
        string? combined = Combine(context.RosNamespace, context.Evaluate(@namespace));
        if (combined is not null)
        {
            context.SetConfiguration(LaunchContext.RosNamespaceConfiguration, Validated(combined, Location));
        }
    }

    private static string Absolute(string ns) => ns.StartsWith('/') ? ns : "/" + ns;
}
