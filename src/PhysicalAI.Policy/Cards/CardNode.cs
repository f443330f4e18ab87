using System.Globalization;
using PhysicalAI.Policy.Inference;
using YamlDotNet.RepresentationModel;

namespace PhysicalAI.Policy.Cards;

/// <summary>
/// A node of a policy card's YAML with its path (<c>images[0].resize</c>), so every error names the file,
/// the line and the field, and says what would be right.
/// </summary>
internal sealed class CardNode(string file, string path, YamlNode node)
{
    public string Path => path;

    public PolicyModelException Error(string message) => new($"{file}:{node.Start.Line}: {(path.Length == 0 ? string.Empty : $"'{path}': ")}{message}");

    public CardNode Required(string key) => Optional(key) ?? throw Error($"'{key}' is missing");

    public CardNode? Optional(string key)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error("expected a mapping");
        }

        return map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? child) ? new CardNode(file, Join(key), child) : null;
    }

    public IReadOnlyList<CardNode> Items()
    {
        if (node is not YamlSequenceNode seq)
        {
            throw Error("expected a list");
        }

        return [.. seq.Children.Select((c, i) => new CardNode(file, $"{path}[{i}]", c))];
    }

    public string String() => node is YamlScalarNode { Value: { } v } ? v : throw Error("expected a value");

    public double Double()
    {
        string s = String();
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? d : throw Error($"'{s}' is not a number");
    }

    public int Int(int min = int.MinValue)
    {
        string s = String();
        return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) && i >= min ? i : throw Error($"'{s}' is not a whole number of at least {min}");
    }

    public double[] Doubles() => [.. Items().Select(i => i.Double())];

    public string[] Strings() => [.. Items().Select(i => i.String())];

    /// <summary>One of <paramref name="choices"/> (YAML spelling → value).</summary>
    public T Choice<T>(params (string Name, T Value)[] choices)
    {
        string s = String();
        foreach ((string name, T value) in choices)
        {
            if (name == s)
            {
                return value;
            }
        }

        throw Error($"'{s}' is not one of {string.Join(", ", choices.Select(c => c.Name))}");
    }

    private string Join(string key) => path.Length == 0 ? key : $"{path}.{key}";
}
