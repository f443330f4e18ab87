using PhysicalAI.Policy.Language;
using PhysicalAI.Sim;

namespace PhysicalAI.Learning.Reach;

/// <summary>
/// The ways demonstrations word "reach the &lt;colour&gt; cube", so the policy learns the colour word rather
/// than one sentence; and the word vocabulary that covers them (pad, eos and unk first).
/// </summary>
public static class InstructionPhrasings
{
    /// <summary>Templates; {0} is the colour's name. The first is what sim_arm publishes.</summary>
    public static IReadOnlyList<string> Templates { get; } =
    [
        "reach the {0} cube",
        "touch the {0} block",
        "go to the {0} one",
        "move to the {0} cube",
        "reach for the {0} box",
        "point at the {0} cube",
        "put the gripper over the {0} cube",
        "{0} cube",
    ];

    /// <summary>Padding id 0, end of sequence 1, as the card says.</summary>
    public const int PadId = 0;

    public const int EosId = 1;

    /// <summary>Template <paramref name="template"/> for <paramref name="color"/>.</summary>
    public static string Phrase(int template, CubeColor color) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Templates[template], color.Name);

    /// <summary>The vocabulary file's lines: &lt;pad&gt;, &lt;eos&gt;, &lt;unk&gt;, then every word of every phrasing, in first-seen order.</summary>
    public static IReadOnlyList<string> Vocabulary()
    {
        var words = new List<string> { "<pad>", "<eos>", WordVocabularyTokenizer.Unknown };
        foreach (CubeColor color in CubeColor.Palette)
        {
            foreach (string template in Templates)
            {
                foreach (string word in string.Format(System.Globalization.CultureInfo.InvariantCulture, template, color.Name).Split(' '))
                {
                    if (!words.Contains(word))
                    {
                        words.Add(word);
                    }
                }
            }
        }

        return words;
    }

    /// <summary>The tokenizer the policy runtime builds from the card, over <see cref="Vocabulary"/>.</summary>
    public static WordVocabularyTokenizer Tokenizer() => new(Vocabulary(), PadId, EosId, "reach vocabulary");
}
