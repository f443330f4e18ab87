namespace PhysicalAI.Sim.Rendering;

/// <summary>
/// The CRC-32 that guards each PNG chunk (ISO-HDLC: reflected polynomial 0xEDB88320, initial and final value
/// 0xFFFFFFFF), table-driven one byte at a time, which is plenty for writing camera frames now and then.
/// </summary>
internal static class PngCrc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The register before any byte.</summary>
    public const uint Initial = 0xFFFFFFFF;

    /// <summary>Feeds bytes into a running register started at <see cref="Initial"/>.</summary>
    public static uint Append(uint register, ReadOnlySpan<byte> bytes)
    {
        uint[] table = Table;
        foreach (byte b in bytes)
        {
            register = table[(register ^ b) & 0xFF] ^ (register >> 8);
        }

        return register;
    }

    /// <summary>The checksum a finished register stands for.</summary>
    public static uint Finish(uint register) => register ^ 0xFFFFFFFF;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
