using System.Buffers.Binary;

namespace PhysicalAI.Sim.Rendering;

/// <summary>One PNG chunk on the wire: big-endian data length, four-letter type, data, CRC-32 of type and data.</summary>
internal static class PngChunk
{
    /// <summary>Writes a whole chunk.</summary>
    public static void Write(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, PngCrc32.Finish(PngCrc32.Append(PngCrc32.Append(PngCrc32.Initial, type), data)));
        output.Write(word);
    }
}
