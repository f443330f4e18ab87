using System.Text;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// A launch-file string: literal text and <c>$(name arg ...)</c> substitutions, parsed when the file is read
/// so that a malformed or unsupported substitution is reported with its line before anything starts.
/// Arguments are separated by spaces; quotes ('...' or "...") keep spaces inside one argument; an
/// argument may itself hold substitutions (<c>$(env HOME $(var home))</c>).
/// </summary>
internal sealed class SubstitutionText
{
    /// <summary>Substitutions <c>pai launch</c> evaluates, with how many arguments each takes.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Supported = new Dictionary<string, (int, int)>
    {
        ["var"] = (1, 1),
        ["env"] = (1, 2),
        ["optenv"] = (1, 2),
        ["find-pkg-share"] = (1, 1),
        ["find-pkg-prefix"] = (1, 1),
        ["dirname"] = (0, 0),
    };

    private SubstitutionText(string source, SourceLocation location, IReadOnlyList<SubstitutionPart> parts)
    {
        Source = source;
        Location = location;
        Parts = parts;
    }

    /// <summary>The text as written.</summary>
    public string Source { get; }

    /// <summary>Where it was written.</summary>
    public SourceLocation Location { get; }

    /// <summary>Literal text and substitutions, in order.</summary>
    public IReadOnlyList<SubstitutionPart> Parts { get; }

    /// <summary>Whether the text holds no substitution.</summary>
    public bool IsLiteral => Parts.All(p => p is LiteralPart);

    /// <exception cref="LaunchFileException">A substitution is unclosed, unknown or has the wrong number of arguments.</exception>
    public static SubstitutionText Parse(string text, SourceLocation location)
    {
        int position = 0;
        List<SubstitutionPart> parts = ParseParts(text, ref position, location);
        return new SubstitutionText(text, location, parts);
    }

    public override string ToString() => Source;

    private static List<SubstitutionPart> ParseParts(string text, ref int position, SourceLocation location)
    {
        var parts = new List<SubstitutionPart>();
        var literal = new StringBuilder();
        while (position < text.Length)
        {
            if (StartsSubstitution(text, position))
            {
                Flush(literal, parts);
                parts.Add(ParseCall(text, ref position, location));
                continue;
            }

            literal.Append(text[position++]);
        }

        Flush(literal, parts);
        return parts;
    }

    private static SubstitutionCall ParseCall(string text, ref int position, SourceLocation location)
    {
        int start = position;
        position += 2;
        int nameStart = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '-' or '_'))
        {
            position++;
        }

        string name = text[nameStart..position];
        if (name.Length == 0)
        {
            throw new LaunchFileException(location, $"'$(' at column {start + 1} of '{text}' is not followed by a substitution name such as var or env");
        }

        var arguments = new List<SubstitutionText>();
        while (true)
        {
            while (position < text.Length && text[position] == ' ')
            {
                position++;
            }

            if (position >= text.Length)
            {
                throw new LaunchFileException(location, $"'{text[start..]}' has no closing ')'");
            }

            if (text[position] == ')')
            {
                position++;
                break;
            }

            arguments.Add(ParseArgument(text, ref position, location));
        }

        if (!Supported.TryGetValue(name, out (int Min, int Max) arity))
        {
            throw new LaunchFileException(location,
                $"substitution '$({name} ...)' is not supported by pai launch (supported: {string.Join(", ", Supported.Keys.Select(k => $"$({k})"))}); ros2 launch runs the file as it is");
        }

        if (arguments.Count < arity.Min || arguments.Count > arity.Max)
        {
            string expected = arity.Min == arity.Max ? $"{arity.Min}" : $"{arity.Min} or {arity.Max}";
            throw new LaunchFileException(location, $"'{text[start..position]}' has {arguments.Count} argument(s); $({name}) takes {expected}");
        }

        return new SubstitutionCall(name, arguments);
    }

    private static SubstitutionText ParseArgument(string text, ref int position, SourceLocation location)
    {
        int start = position;
        var parts = new List<SubstitutionPart>();
        var literal = new StringBuilder();
        while (position < text.Length && text[position] is not (' ' or ')'))
        {
            char c = text[position];
            if (StartsSubstitution(text, position))
            {
                Flush(literal, parts);
                parts.Add(ParseCall(text, ref position, location));
            }
            else if (c is '\'' or '"')
            {
                int close = text.IndexOf(c, position + 1);
                if (close < 0)
                {
                    throw new LaunchFileException(location, $"a quote ({c}) in '{text}' is not closed");
                }

                literal.Append(text, position + 1, close - position - 1);
                position = close + 1;
            }
            else
            {
                literal.Append(c);
                position++;
            }
        }

        Flush(literal, parts);
        return new SubstitutionText(text[start..position], location, parts);
    }

    private static bool StartsSubstitution(string text, int position) =>
        text[position] == '$' && position + 1 < text.Length && text[position + 1] == '(';

    private static void Flush(StringBuilder literal, List<SubstitutionPart> parts)
    {
        if (literal.Length > 0)
        {
            parts.Add(new LiteralPart(literal.ToString()));
            literal.Clear();
        }
    }
}
