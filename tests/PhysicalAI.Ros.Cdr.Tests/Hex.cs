namespace PhysicalAI.Ros.Cdr.Tests;

/// <summary>Hex strings with optional spaces and '|' separators, as CDR layouts are written in specs.</summary>
internal static class Hex
{
    public static byte[] Parse(string text) =>
        Convert.FromHexString(text.Replace(" ", string.Empty).Replace("|", string.Empty).Replace("\n", string.Empty));

    public static string Format(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
