namespace PhysicalAI.Policy.Language;

/// <summary>
/// The framing all instruction tokenizers share, so that every kind cuts, ends and pads alike: whatever
/// the tokenizer, a model sees the same layout for the same token sequence.
/// </summary>
internal static class InstructionFraming
{
    public static void CheckLengths(Span<long> ids, Span<long> mask)
    {
        if (ids.Length != mask.Length || ids.Length == 0)
        {
            throw new ArgumentException($"ids ({ids.Length}) and mask ({mask.Length}) must have the same, non-zero length");
        }
    }

    /// <summary>
    /// Ends <paramref name="ids"/>, whose first <paramref name="count"/> places hold tokens, with the eos id,
    /// pads the rest and writes the mask; returns the count with eos.
    /// </summary>
    public static int Close(int count, Span<long> ids, Span<long> mask, int eosId, int padId)
    {
        // The end-of-sequence id takes the last place when the instruction fills the rest.
        ids[Math.Min(count, ids.Length - 1)] = eosId;
        count = Math.Min(count + 1, ids.Length);
        ids[count..].Fill(padId);
        mask[..count].Fill(1);
        mask[count..].Clear();
        return count;
    }
}
