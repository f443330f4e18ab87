namespace PhysicalAI.Policy.Language;

/// <summary>
/// The regular expression that splits text into pieces before byte-pair merging. A rank file does not
/// say which one it was made with, so the card names it; a wrong one gives plausible but wrong ids.
/// </summary>
public enum TiktokenPattern
{
    /// <summary>cl100k_base (GPT-3.5/4 and the many models that reuse its ranks).</summary>
    Cl100k,

    /// <summary>o200k_base (GPT-4o).</summary>
    O200k,

    /// <summary>r50k_base / p50k_base, which is GPT-2's pattern.</summary>
    R50k,
}
