using System.Text;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// Splits <c>args</c> and <c>ros_args</c> into words as ros2 launch does: the written text splits at
/// spaces, with quotes keeping words together, and a substitution's value is never split; a
/// <c>launch-prefix</c> is split after substitution (<c>xterm -e</c> from an argument is two words).
/// </summary>
internal static class CommandLineWords
{
    /// <summary>The words of <paramref name="text"/>; substitutions' values stay whole.</summary>
    /// <exception cref="LaunchFileException">A quote is not closed, or a substitution fails.</exception>
    public static IReadOnlyList<string> Split(SubstitutionText text, LaunchContext context) =>
        Split(text.Parts.Select(part => part switch
        {
            SubstitutionCall call => (context.Evaluate(call, text.Location), false),
            _ => (((LiteralPart)part).Text, true),
        }), text);

    /// <summary>The words of <paramref name="text"/>'s value, split after substitution.</summary>
    /// <exception cref="LaunchFileException">A quote is not closed, or a substitution fails.</exception>
    public static IReadOnlyList<string> SplitValue(SubstitutionText text, LaunchContext context) =>
        Split([(context.Evaluate(text), true)], text);

    private static List<string> Split(IEnumerable<(string Text, bool Split)> segments, SubstitutionText text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach ((string segment, bool split) in segments)
        {
            if (!split)
            {
                word.Append(segment);
                inWord = true;
                continue;
            }

            foreach (char c in segment)
            {
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                    else
                    {
                        word.Append(c);
                    }
                }
                else if (c is '\'' or '"')
                {
                    quote = c;
                    inWord = true;
                }
                else if (char.IsWhiteSpace(c))
                {
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }
                }
                else
                {
                    word.Append(c);
                    inWord = true;
                }
            }
        }

        if (quote != '\0')
        {
            throw new LaunchFileException(text.Location, $"a quote ({quote}) in '{text}' is not closed");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
