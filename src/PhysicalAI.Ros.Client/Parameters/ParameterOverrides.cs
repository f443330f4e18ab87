using PhysicalAI.Ros.Client.Arguments;

namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>
/// Initial parameter values from the command line, merged as rcl merges them: params files and <c>-p</c>
/// in command-line order into one list of node entries (first appearance keeps its place, later values
/// overwrite earlier ones). A node gets the values of every entry whose name or pattern matches its fully
/// qualified name, applied in that order.
/// </summary>
public sealed class ParameterOverrides
{
    private readonly List<(string Pattern, Dictionary<string, (ParameterValue Value, string Source)> Values)> _entries = [];

    /// <summary>No overrides.</summary>
    public static ParameterOverrides None { get; } = new();

    /// <summary>Loads the params files and <c>-p</c> values of <paramref name="arguments"/>.</summary>
    /// <exception cref="ParamsFileException">A params file is unreadable or malformed.</exception>
    public static ParameterOverrides From(RosArguments arguments)
    {
        var overrides = new ParameterOverrides();
        foreach (ParameterArgument argument in arguments.Parameters)
        {
            if (argument.ParamsFile is { } file)
            {
                foreach (ParamsFile.Entry entry in ParamsFile.Load(file))
                {
                    overrides.Add(entry.NodePattern, entry.Name, entry.Value, entry.Source);
                }
            }
            else
            {
                string pattern = argument.NodeName is null ? "/**" : "/" + argument.NodeName;
                overrides.Add(pattern, argument.Name!, argument.Value!, $"-p {argument.Name}");
            }
        }

        return overrides;
    }

    /// <summary>Adds one value for nodes matching <paramref name="pattern"/>.</summary>
    public void Add(string pattern, string name, ParameterValue value, string source)
    {
        int index = _entries.FindIndex(e => e.Pattern == pattern);
        if (index < 0)
        {
            _entries.Add((pattern, new Dictionary<string, (ParameterValue, string)>(StringComparer.Ordinal)));
            index = _entries.Count - 1;
        }

        _entries[index].Values[name] = (value, source);
    }

    /// <summary>The values for the node with fully qualified name <paramref name="nodeFqn"/>, with where each came from.</summary>
    public IReadOnlyDictionary<string, (ParameterValue Value, string Source)> ForNode(string nodeFqn)
    {
        var result = new Dictionary<string, (ParameterValue, string)>(StringComparer.Ordinal);
        foreach ((string pattern, Dictionary<string, (ParameterValue Value, string Source)> values) in _entries)
        {
            if (!Matches(pattern, nodeFqn))
            {
                continue;
            }

            foreach ((string name, (ParameterValue Value, string Source) entry) in values)
            {
                result[name] = entry;
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="pattern"/> matches <paramref name="nodeFqn"/>: <c>*</c> matches one name token, <c>**</c> any number.</summary>
    public static bool Matches(string pattern, string nodeFqn)
    {
        string[] p = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string[] n = nodeFqn.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Match(p, 0, n, 0);

        static bool Match(string[] p, int i, string[] n, int j)
        {
            if (i == p.Length)
            {
                return j == n.Length;
            }

            if (p[i] == "**")
            {
                for (int k = j; k <= n.Length; k++)
                {
                    if (Match(p, i + 1, n, k))
                    {
                        return true;
                    }
                }

                return false;
            }

            return j < n.Length && (p[i] == "*" || p[i] == n[j]) && Match(p, i + 1, n, j + 1);
        }
    }
}
