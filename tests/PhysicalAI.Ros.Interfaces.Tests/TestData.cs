namespace PhysicalAI.Ros.Interfaces.Tests;

/// <summary>Files under TestData/, copied next to the test assembly.</summary>
internal static class TestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static byte[] Hex(string text) =>
        Convert.FromHexString(new string(text.Where(Uri.IsHexDigit).ToArray()));

    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>The hex vectors of golden-cdr.txt, keyed by the label of the line before them.</summary>
    public static string GoldenLine(string startsWith)
    {
        foreach (string line in File.ReadLines(PathOf("golden-cdr.txt")))
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith(startsWith, StringComparison.Ordinal))
            {
                return trimmed;
            }
        }

        throw new InvalidOperationException($"golden-cdr.txt has no line starting with '{startsWith}'");
    }
}
