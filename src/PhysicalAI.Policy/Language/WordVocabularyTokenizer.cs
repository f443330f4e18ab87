using System.Text;
using PhysicalAI.Policy.Inference;

namespace PhysicalAI.Policy.Language;

/// <summary>
/// The plain word vocabulary of a policy card (<c>tokenizer: word_vocab</c>): one token per line, its id the
/// line number from 0. An instruction is lower-cased and split into words (letters and digits) and single
/// punctuation marks; a word not in the vocabulary becomes <c>&lt;unk&gt;</c>. Ids are followed by the
/// end-of-sequence id, cut to the card's maximum and padded with the pad id; the mask is 1 for tokens and 0
/// for padding, as the model's inputs expect.
/// </summary>
public sealed class WordVocabularyTokenizer : IInstructionTokenizer
{
    public const string Unknown = "<unk>";

    private readonly Dictionary<string, int> _ids;
    private readonly int _unknown;

    public WordVocabularyTokenizer(IReadOnlyList<string> vocabulary, int padId, int eosId, string source)
    {
        _ids = [];
        for (int i = 0; i < vocabulary.Count; i++)
        {
            if (vocabulary[i].Length == 0 || !_ids.TryAdd(vocabulary[i], i))
            {
                throw new PolicyModelException($"{source}:{i + 1}: {(vocabulary[i].Length == 0 ? "an empty token" : $"'{vocabulary[i]}' is listed twice")}");
            }
        }

        _unknown = _ids.TryGetValue(Unknown, out int u) ? u : throw new PolicyModelException($"{source}: the vocabulary has no '{Unknown}' token for words it does not know");
        if (padId < 0 || padId >= vocabulary.Count || eosId < 0 || eosId >= vocabulary.Count)
        {
            throw new PolicyModelException($"{source}: pad id {padId} and eos id {eosId} must be ids of the vocabulary (0..{vocabulary.Count - 1})");
        }

        (PadId, EosId) = (padId, eosId);
    }

    public int PadId { get; }

    public int EosId { get; }

    /// <summary>Reads the vocabulary file at <paramref name="path"/>.</summary>
    public static WordVocabularyTokenizer Load(string path, int padId, int eosId)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyModelException($"{path}: cannot read the word_vocab tokenizer file: {e.Message}");
        }

        return new WordVocabularyTokenizer([.. lines.Select(l => l.Trim())], padId, eosId, path);
    }

    /// <inheritdoc/>
    public int Encode(string text, Span<long> ids, Span<long> mask)
    {
        InstructionFraming.CheckLengths(ids, mask);
        int count = 0;
        int start = -1;
        for (int i = 0; i <= text.Length && count < ids.Length; i++)
        {
            char c = i < text.Length ? char.ToLowerInvariant(text[i]) : ' ';
            if (char.IsLetterOrDigit(c))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                ids[count++] = Id(text.AsSpan(start, i - start));
                start = -1;
            }

            if (!char.IsWhiteSpace(c) && count < ids.Length)
            {
                ids[count++] = Id(text.AsSpan(i, 1));
            }
        }

        return InstructionFraming.Close(count, ids, mask, EosId, PadId);
    }

    private int Id(ReadOnlySpan<char> word)
    {
        // The vocabulary is lower-case; look up without allocating through the alternate lookup. No
        // vocabulary word is that long, so a longer one is simply unknown.
        if (word.Length > 64)
        {
            return _unknown;
        }

        Span<char> lower = stackalloc char[word.Length];
        int n = word.ToLowerInvariant(lower);
        return _ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower[..n], out int id) ? id : _unknown;
    }
}
