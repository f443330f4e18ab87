using System.Text;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// Splits <c>args</c>, <c>ros_args</c> and <c>launch-prefix</c> into words as ros2 launch does: the written
/// text splits at spaces, with quotes keeping words together; a substitution's value is never split.
/// </summary>
internal static class CommandLineWords
{
    /// <exception cref="LaunchFileException">A quote is not closed, or a substitution fails.</exception>
    public static IReadOnlyList<string> Split(SubstitutionText text, LaunchContext context)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (SubstitutionPart part in text.Parts)
        {
            if (part is SubstitutionCall call)
            {
                word.Append(context.Evaluate(call, text.Location));
                inWord = true;
                continue;
            }

            foreach (char c in ((LiteralPart)part).Text)
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
