using System.Buffers.Binary;
using System.IO.Compression;

namespace PhysicalAI.Sim.Rendering;

/// <summary>Writes rgb8 images as PNG files (8-bit truecolour, no interlacing), e.g. to save rendered camera frames.</summary>
public static class PngWriter
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Writes an rgb8 image as a PNG with the default (optimal) compression.</summary>
    /// <param name="output">Where the PNG goes; left open.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="rgb8">At least <c>width * height * 3</c> bytes, row-major, top row first, as <see cref="SoftwareRenderer.Render"/> writes.</param>
    public static void WriteRgb8(Stream output, int width, int height, ReadOnlySpan<byte> rgb8) =>
        WriteRgb8(output, width, height, rgb8, CompressionLevel.Optimal);

    /// <summary>Writes an rgb8 image as a PNG, trading size for speed with <paramref name="compression"/>.</summary>
    /// <param name="output">Where the PNG goes; left open.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="rgb8">At least <c>width * height * 3</c> bytes, row-major, top row first.</param>
    /// <param name="compression">The zlib compression level.</param>
    public static void WriteRgb8(Stream output, int width, int height, ReadOnlySpan<byte> rgb8, CompressionLevel compression)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        long rowBytes = width * 3L;
        if (rowBytes + 1 > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "a row must fit in one span");
        }

        if (rgb8.Length < rowBytes * height)
        {
            throw new ArgumentException($"an rgb8 image of {width}x{height} needs {rowBytes * height} bytes, got {rgb8.Length}", nameof(rgb8));
        }

        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bits per channel
        header[9] = 2; // colour type: truecolour, no alpha
        header[10] = 0; // compression: deflate
        header[11] = 0; // filtering: adaptive, five filter types
        header[12] = 0; // no interlacing
        PngChunk.Write(output, "IHDR"u8, header);

        using (var idat = new IdatChunkStream(output))
        {
            using var zlib = new ZLibStream(idat, compression, leaveOpen: true);

            // Filter type 0 (None) on every row: rendered frames are mostly flat colour, which deflate already
            // shrinks well, and it keeps writing a straight copy.
            ReadOnlySpan<byte> noFilter = [0];
            for (int y = 0; y < height; y++)
            {
                zlib.Write(noFilter);
                zlib.Write(rgb8.Slice((int)(y * rowBytes), (int)rowBytes));
            }
        }

        PngChunk.Write(output, "IEND"u8, []);
    }
}
