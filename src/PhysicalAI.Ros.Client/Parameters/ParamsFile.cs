using System.Globalization;
using System.Text;
using PhysicalAI.Ros.Client.Names;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>
/// A ROS 2 params file (the format <c>--params-file</c> and <c>ros2 param dump</c> use):
/// <code>
/// /**:                      # node name or pattern: /ns/node, node, /**, /ns/*
///   ros__parameters:
///     rate: 30.0
///     limits:               # nested mappings give dotted names: limits.max_velocity
///       max_velocity: 1.5
/// </code>
/// Values are typed as rcl types them (see <see cref="ParameterYaml"/>). Errors name the file, the line and the key.
/// </summary>
public static class ParamsFile
{
    private const string RosParameters = "ros__parameters";

    /// <summary>One parameter value for nodes matching <paramref name="NodePattern"/>, as given in the file.</summary>
    public sealed record Entry(string NodePattern, string Name, ParameterValue Value, string Source);

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="ParamsFileException">The file cannot be read or is not a ROS 2 params file.</exception>
    public static IReadOnlyList<Entry> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ParamsFileException($"{path}: cannot read the params file: {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses params-file text; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="ParamsFileException">The text is not a ROS 2 params file.</exception>
    public static IReadOnlyList<Entry> Parse(string text, string path)
    {
        var entries = new List<Entry>();
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return entries;
            }

            parser.Consume<DocumentStart>();
            if (parser.Accept<Scalar>(out Scalar? empty) && string.IsNullOrEmpty(empty.Value))
            {
                return entries;
            }

            Expect<MappingStart>(parser, path, "a mapping of node names (such as '/**:' or 'my_node:') to their ros__parameters");
            ReadNodes(parser, path, string.Empty, entries);
            parser.Consume<DocumentEnd>();
        }
        catch (YamlException e)
        {
            throw new ParamsFileException($"{path}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some structural errors (an unclosed flow sequence) this way.
            throw new ParamsFileException($"{path}: not valid YAML: {e.Message}");
        }

        return entries;
    }

    /// <summary>
    /// Node keys nest as rcl reads them: every key down to <c>ros__parameters</c> adds to the node's name,
    /// so <c>robot: {talker: {ros__parameters: ...}}</c> is node <c>/robot/talker</c>.
    /// </summary>
    private static void ReadNodes(IParser parser, string path, string prefix, List<Entry> into)
    {
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            Scalar key = Expect<Scalar>(parser, path, "a node name");
            if (key.Value == RosParameters)
            {
                if (prefix.Length == 0)
                {
                    throw new ParamsFileException($"{path}:{key.Start.Line}: 'ros__parameters:' must be under a node name (such as '/**:' or 'my_node:')");
                }

                ReadParameters(parser, path, NodePattern(prefix, path, key.Start.Line), prefix: string.Empty, into);
                continue;
            }

            NodePattern(key.Value, path, key.Start.Line);
            string name = prefix + "/" + key.Value.Trim('/');
            if (parser.Accept<Scalar>(out Scalar? value) && value.Value.Length > 0)
            {
                throw new ParamsFileException(
                    $"{path}:{key.Start.Line}: unknown key '{name.TrimStart('/').Replace('/', '.')}': parameters go under 'NODE: ros__parameters:' " +
                    "(the keys above ros__parameters name the node and its namespace)");
            }

            Expect<MappingStart>(parser, path, $"'ros__parameters:' under '{name.TrimStart('/')}'");
            ReadNodes(parser, path, name, into);
        }
    }

    private static void ReadParameters(IParser parser, string path, string pattern, string prefix, List<Entry> into)
    {
        if (parser.Accept<Scalar>(out Scalar? nothing) && string.IsNullOrEmpty(nothing.Value))
        {
            parser.MoveNext();
            return;
        }

        Expect<MappingStart>(parser, path, "a mapping of parameter names to values");
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            Scalar key = Expect<Scalar>(parser, path, "a parameter name");
            if (key.Value.Length == 0 || key.Value.Split('.').Any(part => part.Length == 0))
            {
                throw new ParamsFileException($"{path}:{key.Start.Line}: '{key.Value}' is not a parameter name (names are non-empty, with dots only between parts)");
            }

            string name = prefix.Length == 0 ? key.Value : prefix + "." + key.Value;
            if (parser.Accept<MappingStart>(out _))
            {
                ReadParameters(parser, path, pattern, name, into);
                continue;
            }

            if (parser.Accept<Scalar>(out Scalar? bare) && bare.Style == ScalarStyle.Plain && bare.Value.Length == 0)
            {
                throw new ParamsFileException($"{path}:{key.Start.Line}: parameter '{name}' has no value (write one, or '' for an empty string)");
            }

            try
            {
                ParameterValue value = ParameterYaml.ParseNode(parser);
                into.Add(new Entry(pattern, name, value, $"{path}:{key.Start.Line}"));
            }
            catch (FormatException e)
            {
                throw new ParamsFileException($"{path}:{key.Start.Line}: parameter '{name}': {e.Message}");
            }
        }
    }

    /// <summary>A node key as an absolute pattern: <c>node</c> → <c>/node</c>; <c>*</c> and <c>**</c> stay wildcards.</summary>
    private static string NodePattern(string key, string path, long line)
    {
        string pattern = key.StartsWith('/') ? key : "/" + key;
        foreach (string token in pattern.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token is not ("*" or "**") && !RosNames.TryValidateNodeName(token, out _, out _))
            {
                throw new ParamsFileException($"{path}:{line}: '{key}' is not a node name or pattern (such as /ns/node, node, /**, /ns/*)");
            }
        }

        return pattern;
    }

    private static T Expect<T>(IParser parser, string path, string what)
        where T : ParsingEvent
    {
        if (parser.TryConsume<T>(out T? found))
        {
            return found;
        }

        ParsingEvent? current = parser.Current;
        throw new ParamsFileException($"{path}:{current?.Start.Line}: expected {what}, found {Describe(current)}");
    }

    private static string Describe(ParsingEvent? e) => e switch
    {
        Scalar s => $"'{s.Value}'",
        SequenceStart => "a list",
        MappingStart => "a mapping",
        null => "the end of the file",
        _ => e.GetType().Name,
    };

    /// <summary>
    /// The params file of one node's parameters (what <c>ros2 param dump</c> prints): dotted names become
    /// nested mappings; reading it back gives the same values, except byte arrays, which the format cannot
    /// express and which come back as integer arrays.
    /// </summary>
    public static string Format(string nodeFqn, IEnumerable<Parameter> parameters)
    {
        var sb = new StringBuilder();
        sb.Append(nodeFqn).Append(":\n  ").Append(RosParameters).Append(":\n");
        var open = new List<string>();
        foreach (Parameter p in parameters.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (p.Value.Type == ParameterType.NotSet)
            {
                continue;
            }

            string[] path = p.Name.Split('.');
            int common = 0;
            while (common < open.Count && common < path.Length - 1 && open[common] == path[common])
            {
                common++;
            }

            open.RemoveRange(common, open.Count - common);
            for (int i = common; i < path.Length - 1; i++)
            {
                sb.Append(' ', 4 + (2 * i)).Append(Key(path[i])).Append(":\n");
                open.Add(path[i]);
            }

            string indent = new(' ', 4 + (2 * (path.Length - 1)));
            sb.Append(indent).Append(Key(path[^1])).Append(':');
            if (p.Value.Value is Array array)
            {
                if (array.Length == 0)
                {
                    // An empty array has no element type, so a params file cannot give one: say so instead.
                    sb.Length -= Key(path[^1]).Length + 1;
                    sb.Append("# ").Append(Key(path[^1])).Append(": []  (empty ").Append(ParameterValue.TypeName(p.Value.Type)).Append("; a params file cannot hold an empty array)\n");
                    continue;
                }

                sb.Append('\n');
                foreach (object? item in array)
                {
                    sb.Append(indent).Append("- ").Append(Scalar(item!)).Append('\n');
                }
            }
            else
            {
                sb.Append(' ').Append(Scalar(p.Value.Value!)).Append('\n');
            }
        }

        return sb.ToString();

        static string Key(string key) => Scalar(key);
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        byte b => b.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        string s => QuoteIfNeeded(s),
        _ => throw new ArgumentException($"{value.GetType().Name} is not a parameter value"),
    };

    private static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return ".nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? ".inf" : "-.inf";
        }

        // Always with a point or exponent, so the value reads back as a double, not an integer.
        string text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>A string as a YAML scalar that reads back as that same string (quoted when rcl would type it otherwise).</summary>
    private static string QuoteIfNeeded(string s)
    {
        bool plain = s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '/' or '.' or '-')
            && !s.StartsWith('-') && !s.StartsWith('.');
        if (plain)
        {
            try
            {
                if (ParameterYaml.ParseValue(s) is { Type: ParameterType.String } v && (string)v.Value! == s)
                {
                    return s;
                }
            }
            catch (FormatException)
            {
                // Not plain after all: quote it.
            }
        }

        if (!s.Any(char.IsControl))
        {
            return "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        // Single quotes would fold a line break into a space; double quotes keep every character.
        var quoted = new StringBuilder("\"");
        foreach (char c in s)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
