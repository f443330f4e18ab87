using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// Reads a ROS 2 YAML launch file (the launch_yaml frontend's format: <c>launch:</c> holding a list of
/// actions) into actions. Everything pai launch does not support is an error with the file and line, so a
/// file either runs as ros2 launch would run it or does not run at all.
/// </summary>
internal static class LaunchYamlReader
{
    /// <summary>The action types pai launch runs.</summary>
    public static readonly string[] ActionTypes = ["arg", "let", "node", "include", "group", "push-ros-namespace", "push_ros_namespace", "set_env", "unset_env"];

    /// <exception cref="LaunchFileException">The file cannot be read, is not a YAML launch file, or uses something unsupported.</exception>
    public static LaunchDescription Load(string path, SourceLocation? includedFrom = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string message = $"cannot read launch file '{path}': {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}";
            throw new LaunchFileException(includedFrom ?? new SourceLocation(path, 0), message);
        }

        return Parse(text, path);
    }

    /// <exception cref="LaunchFileException">The text is not a YAML launch file, or uses something unsupported.</exception>
    public static LaunchDescription Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new LaunchFileException(new SourceLocation(path, e.Start.Line), $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet reports an unclosed flow collection this way, without a position.
            throw new LaunchFileException(new SourceLocation(path, 1), "not valid YAML: a '[' or '{' is not closed");
        }

        const string Shape = "a YAML launch file has one top-level key, 'launch:', holding the list of actions";
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new LaunchFileException(new SourceLocation(path, 1), Shape);
        }

        if (root.Children.Count != 1 || !root.Children.TryGetValue(new YamlScalarNode("launch"), out YamlNode? actions))
        {
            throw new LaunchFileException(new SourceLocation(path, root.Start.Line), Shape);
        }

        if (actions is YamlScalarNode { Value: null or "" })
        {
            return new LaunchDescription(path, []);
        }

        if (actions is not YamlSequenceNode list)
        {
            throw new LaunchFileException(new SourceLocation(path, actions.Start.Line), "'launch:' must hold a list of actions ('- node:', '- arg:', ...)");
        }

        return new LaunchDescription(path, [.. list.Children.Select(item => ReadAction(LaunchEntity.FromListItem(item, path)))]);
    }

    /// <exception cref="LaunchFileException">The action is unsupported or malformed.</exception>
    public static LaunchAction ReadAction(LaunchEntity entity) => entity.Type switch
    {
        "arg" => DeclareArgumentAction.Read(entity),
        "let" => LetAction.Read(entity),
        "node" => NodeAction.Read(entity),
        "include" => IncludeAction.Read(entity),
        "group" => GroupAction.Read(entity, ReadAction),
        "push-ros-namespace" or "push_ros_namespace" => PushRosNamespaceAction.Read(entity),
        "set_env" => SetEnvironmentAction.Read(entity, unset: false),
        "unset_env" => SetEnvironmentAction.Read(entity, unset: true),
        _ => throw new LaunchFileException(entity.Location,
            $"'{entity.Type}' is not supported by pai launch (supported: {string.Join(", ", ActionTypes)}); ros2 launch runs the file as it is"),
    };
}
