using YamlDotNet.RepresentationModel;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// One entity of a YAML launch file, as launch_yaml reads it: <c>- TYPE: {attribute: value, ...}</c>, where
/// an attribute is a scalar or a list of sub-entities (a node's <c>param</c> and <c>remap</c>), and a group's
/// actions are under <c>children:</c> (or the entity is the list of actions itself). Attributes are read
/// by name; whatever was not read is unsupported and reported with its line.
/// </summary>
internal sealed class LaunchEntity
{
    private readonly YamlMappingNode? _attributes;
    private readonly YamlSequenceNode? _childList;
    private readonly HashSet<string> _read = [];

    private LaunchEntity(string type, SourceLocation location, YamlNode? value)
    {
        Type = type;
        Location = location;
        switch (value)
        {
            case YamlMappingNode mapping:
                _attributes = mapping;
                break;
            case YamlSequenceNode sequence:
                _childList = sequence;
                break;
            case null:
            case YamlScalarNode { Value: null or "" }:
                break;
            default:
                throw new LaunchFileException(location, $"'{type}' must hold its attributes as a mapping (name: value lines indented below it), not '{value}'");
        }
    }

    /// <summary>The entity's type: <c>node</c>, <c>arg</c>, or the attribute name of a sub-entity (<c>param</c>).</summary>
    public string Type { get; }

    /// <summary>Where the entity starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>Reads one action of a list: a mapping with a single key, the entity type.</summary>
    /// <exception cref="LaunchFileException">The item is not a one-key mapping.</exception>
    public static LaunchEntity FromListItem(YamlNode item, string file)
    {
        var location = new SourceLocation(file, item.Start.Line);
        if (item is not YamlMappingNode { Children.Count: 1 } mapping || mapping.Children.First().Key is not YamlScalarNode { Value: { } type })
        {
            throw new LaunchFileException(location, "each action is a mapping with one key, its type (such as '- node:' or '- arg:'), holding its attributes");
        }

        return new LaunchEntity(type, location, mapping.Children.First().Value);
    }

    /// <summary>Whether the entity has the attribute (without reading it).</summary>
    public bool Has(string name) => _attributes?.Children.ContainsKey(new YamlScalarNode(name)) == true;

    /// <summary>An optional scalar attribute as a substitution text; YAML numbers and booleans are taken as written.</summary>
    /// <exception cref="LaunchFileException">The attribute is a list or mapping, or its substitutions are malformed.</exception>
    public SubstitutionText? Text(string name)
    {
        YamlNode? node = Node(name);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            throw new LaunchFileException(At(node), $"attribute '{name}' of '{Type}' must be a single value (a string, number or true/false), not a {Describe(node)}");
        }

        return SubstitutionText.Parse(scalar.Value ?? string.Empty, At(node));
    }

    /// <summary>A required scalar attribute.</summary>
    /// <exception cref="LaunchFileException">The attribute is missing or not a scalar.</exception>
    public SubstitutionText RequiredText(string name) =>
        Text(name) ?? throw new LaunchFileException(Location, $"'{Type}' needs the attribute '{name}'");

    /// <summary>An attribute's YAML node as written, or null when absent.</summary>
    public YamlNode? Node(string name)
    {
        if (_attributes is null || !_attributes.Children.TryGetValue(new YamlScalarNode(name), out YamlNode? node))
        {
            return null;
        }

        _read.Add(name);
        return node;
    }

    /// <summary>An attribute that is a list of sub-entities (each a mapping), such as a node's <c>remap</c>.</summary>
    /// <exception cref="LaunchFileException">The attribute is not a list of mappings.</exception>
    public IReadOnlyList<LaunchEntity> List(string name)
    {
        YamlNode? node = Node(name);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence || sequence.Children.Any(c => c is not YamlMappingNode))
        {
            throw new LaunchFileException(At(node), $"attribute '{name}' of '{Type}' must be a list of mappings ('- {name}_attribute: value' items)");
        }

        return [.. sequence.Children.Select(c => new LaunchEntity(name, At(c), c))];
    }

    /// <summary>The actions of a group: its <c>children:</c> list, or the entity itself when written as a list.</summary>
    /// <exception cref="LaunchFileException">The children are missing or not a list.</exception>
    public IReadOnlyList<LaunchEntity> Children()
    {
        YamlSequenceNode list;
        if (_childList is not null)
        {
            list = _childList;
        }
        else
        {
            YamlNode node = Node("children") ?? throw new LaunchFileException(Location, $"'{Type}' needs its actions under 'children:'");
            list = node as YamlSequenceNode ?? throw new LaunchFileException(At(node), $"'children' of '{Type}' must be a list of actions");
        }

        return [.. list.Children.Select(c => FromListItem(c, Location.File))];
    }

    /// <summary>Fails on any attribute that was not read: pai launch does not support it.</summary>
    /// <exception cref="LaunchFileException">An attribute is unsupported.</exception>
    public void EnsureAllRead(IReadOnlyCollection<string> supported)
    {
        if (_attributes is null)
        {
            return;
        }

        foreach ((YamlNode key, YamlNode _) in _attributes.Children)
        {
            string name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!_read.Contains(name))
            {
                string known = supported.Count == 0 ? "none" : string.Join(", ", supported);
                throw new LaunchFileException(At(key), $"'{Type}' has attribute '{name}', which pai launch does not support (supported: {known})");
            }
        }
    }

    private SourceLocation At(YamlNode node) => new(Location.File, node.Start.Line);

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "value",
    };
}
