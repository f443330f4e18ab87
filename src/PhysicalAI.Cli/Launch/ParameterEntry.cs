using System.Text;
using PhysicalAI.Ros.Client.Parameters;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// One <c>param</c> item of a node: a params file (<c>from</c>), or a value (<c>name</c> and <c>value</c>,
/// or <c>name</c> and nested <c>param</c> items, which give dotted names). As launch_ros does, a string value
/// is typed after substitution like a YAML value (<c>'100'</c> is an integer; <c>type: str</c> keeps it a
/// string), and in a list, quoted items stay strings.
/// </summary>
internal abstract record ParameterEntry(SourceLocation Location)
{
    public static ParameterEntry Read(LaunchEntity entity)
    {
        SubstitutionText? from = entity.Text("from");
        if (from is not null)
        {
            entity.EnsureAllRead(["from"]);
            return new ParameterFileEntry(entity.Location, from);
        }

        SubstitutionText name = entity.Text("name")
            ?? throw new LaunchFileException(entity.Location, "a 'param' item needs 'name' (with 'value' or nested 'param' items) or 'from' (a params file)");
        YamlNode? value = entity.Node("value");
        bool nested = entity.Has("param");
        if ((value is null) == !nested)
        {
            throw new LaunchFileException(entity.Location, $"param '{name}' needs either 'value' or nested 'param' items (not both, not neither)");
        }

        if (nested)
        {
            IReadOnlyList<ParameterEntry> children = [.. entity.List("param").Select(Read)];
            if (children.FirstOrDefault(c => c is ParameterFileEntry) is { } file)
            {
                throw new LaunchFileException(file.Location, "'from' cannot be nested inside another param");
            }

            entity.EnsureAllRead(["name", "param"]);
            return new ParameterGroupEntry(entity.Location, name, [.. children.Cast<ParameterValueEntry>()]);
        }

        bool asString = false;
        if (entity.Text("type") is { } type)
        {
            asString = type.Source == "str"
                ? true
                : throw new LaunchFileException(type.Location, $"param type '{type.Source}' is not supported by pai launch (only 'str', to keep a value a string)");
        }

        entity.EnsureAllRead(["name", "value", "type"]);
        return new ParameterValueEntry(entity.Location, name, ReadValue(value!, entity.Location, name), asString);
    }

    private static IReadOnlyList<(SubstitutionText Text, bool Quoted)>? ReadList(YamlNode node, SourceLocation at, SubstitutionText name) =>
        node is YamlSequenceNode sequence
            ? [.. sequence.Children.Select(item => item is YamlScalarNode scalar
                ? (SubstitutionText.Parse(scalar.Value ?? string.Empty, at with { Line = item.Start.Line }), scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
                : throw new LaunchFileException(at with { Line = item.Start.Line }, $"param '{name}' is a list; its items must be single values, not lists or mappings"))]
            : null;

    private static ParameterValueText ReadValue(YamlNode node, SourceLocation at, SubstitutionText name) => node switch
    {
        YamlScalarNode scalar => new ParameterValueText(SubstitutionText.Parse(scalar.Value ?? string.Empty, at with { Line = node.Start.Line }), null),
        YamlSequenceNode => new ParameterValueText(null, ReadList(node, at, name)),
        _ => throw new LaunchFileException(at with { Line = node.Start.Line }, $"the value of param '{name}' is a mapping; use nested 'param' items for grouped names"),
    };
}

/// <summary>A value as written: a scalar, or a list whose quoted items stay strings.</summary>
internal sealed record ParameterValueText(SubstitutionText? Scalar, IReadOnlyList<(SubstitutionText Text, bool Quoted)>? List);

/// <summary><c>from: FILE</c>: a params file passed to the node as it is.</summary>
internal sealed record ParameterFileEntry(SourceLocation Location, SubstitutionText Path) : ParameterEntry(Location);

/// <summary><c>name</c> and <c>value</c>.</summary>
internal record ParameterValueEntry(SourceLocation Location, SubstitutionText Name, ParameterValueText? Value, bool AsString) : ParameterEntry(Location)
{
    /// <summary>Adds the evaluated parameter(s) to <paramref name="into"/>, names under <paramref name="prefix"/>.</summary>
    /// <exception cref="LaunchFileException">A substitution fails or the value is not a parameter value.</exception>
    public virtual void Collect(LaunchContext context, string prefix, List<Parameter> into)
    {
        string name = prefix + context.Evaluate(Name);
        if (name.Length == 0 || name.StartsWith('.') || name.EndsWith('.'))
        {
            throw new LaunchFileException(Location, $"'{name}' is not a parameter name");
        }

        into.Add(new Parameter(name, Evaluate(context, name)));
    }

    private ParameterValue Evaluate(LaunchContext context, string name)
    {
        if (Value!.Scalar is { } scalar)
        {
            string text = context.Evaluate(scalar);
            if (AsString || text.Trim().Length == 0)
            {
                return ParameterValue.Of(text);
            }

            try
            {
                return ParameterYaml.ParseValue(text);
            }
            catch (FormatException) when (!text.TrimStart().StartsWith('['))
            {
                // Text YAML cannot type (a colon followed by a space, say) is a string, as launch_ros keeps it.
                return ParameterValue.Of(text);
            }
            catch (FormatException e)
            {
                throw new LaunchFileException(scalar.Location, $"param '{name}' is '{text}': {e.Message}");
            }
        }

        var flow = new StringBuilder("[");
        foreach ((SubstitutionText item, bool quoted) in Value.List!)
        {
            string text = context.Evaluate(item);
            flow.Append(flow.Length > 1 ? ", " : string.Empty);
            // As launch_ros types list items: by how the launch file's YAML writes them, a plain number
            // or boolean as such; strings (quoted, or holding a substitution) stay strings.
            bool isString = quoted || AsString || !item.IsLiteral;
            flow.Append(isString ? "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'" : text);
        }

        try
        {
            return ParameterYaml.ParseValue(flow.Append(']').ToString());
        }
        catch (FormatException e)
        {
            throw new LaunchFileException(Location, $"param '{name}' is {flow}: {e.Message}");
        }
    }
}

/// <summary><c>name</c> and nested items: their names are prefixed with this one and a dot.</summary>
internal sealed record ParameterGroupEntry(SourceLocation Location, SubstitutionText Name, IReadOnlyList<ParameterValueEntry> Children)
    : ParameterValueEntry(Location, Name, null, false)
{
    public override void Collect(LaunchContext context, string prefix, List<Parameter> into)
    {
        string group = prefix + context.Evaluate(Name) + ".";
        foreach (ParameterValueEntry child in Children)
        {
            child.Collect(context, group, into);
        }
    }
}
