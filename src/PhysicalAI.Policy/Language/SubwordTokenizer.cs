using PhysicalAI.Policy.Inference;
using Microsoft.ML.Tokenizers;

namespace PhysicalAI.Policy.Language;

/// <summary>
/// A Microsoft.ML.Tokenizers tokenizer (BPE, SentencePiece, WordPiece, Tiktoken) framed as the card says:
/// the library adds no begin or end tokens of its own; the card's eos id ends the tokens and its pad id
/// fills the rest, exactly as <see cref="WordVocabularyTokenizer"/> does. Encoding allocates — it runs once
/// per new instruction, not per inference.
/// </summary>
public sealed class SubwordTokenizer : IInstructionTokenizer
{
    private readonly Tokenizer _tokenizer;

    /// <param name="tokenizer">The library tokenizer, built to add no special tokens.</param>
    /// <param name="padId">The card's pad id.</param>
    /// <param name="eosId">The card's end-of-sequence id.</param>
    /// <param name="vocabularySize">Ids the model knows, to check the pad and eos ids against; null where special tokens live outside the file (Tiktoken).</param>
    /// <param name="source">The tokenizer file and kind, for errors.</param>
    public SubwordTokenizer(Tokenizer tokenizer, int padId, int eosId, int? vocabularySize, string source)
    {
        if (padId < 0 || eosId < 0 || padId >= vocabularySize || eosId >= vocabularySize)
        {
            string range = vocabularySize is { } n ? $"0..{n - 1}" : "not negative";
            throw new PolicyModelException($"{source}: pad id {padId} and eos id {eosId} must be ids of the vocabulary ({range})");
        }

        (_tokenizer, PadId, EosId) = (tokenizer, padId, eosId);
    }

    public int PadId { get; }

    public int EosId { get; }

    /// <inheritdoc/>
    public int Encode(string text, Span<long> ids, Span<long> mask)
    {
        InstructionFraming.CheckLengths(ids, mask);

        // BERT's tokenizer would add [CLS] and [SEP] unless told not to; the others add nothing as built.
        IReadOnlyList<int> tokens = _tokenizer is BertTokenizer bert ? bert.EncodeToIds(text, addSpecialTokens: false) : _tokenizer.EncodeToIds(text);
        int count = Math.Min(tokens.Count, ids.Length);
        for (int i = 0; i < count; i++)
        {
            ids[i] = tokens[i];
        }

        return InstructionFraming.Close(count, ids, mask, EosId, PadId);
    }
}
