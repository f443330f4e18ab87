namespace PhysicalAI.Policy.Language;

/// <summary>
/// Turns an instruction into the model's fixed-length token ids and attention mask. Every kind frames its
/// tokens the same way: the instruction's tokens, cut so that the end-of-sequence id still fits, then
/// <see cref="EosId"/>, then <see cref="PadId"/> to the end; the mask is 1 over tokens and eos, 0 over padding.
/// </summary>
public interface IInstructionTokenizer
{
    int PadId { get; }

    int EosId { get; }

    /// <summary>Encodes <paramref name="text"/> into <paramref name="ids"/> and <paramref name="mask"/> (both the model's length); returns how many are tokens, eos included.</summary>
    int Encode(string text, Span<long> ids, Span<long> mask);
}
