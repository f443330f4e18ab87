using System.Buffers.Binary;
using System.IO.Compression;

namespace PhysicalAI.Sim.Tests.Rendering;

/// <summary>
/// Just enough of a PNG decoder to check the writer: 8-bit truecolour, no interlace, every filter type. It checks
/// the signature, chunk order and every chunk's CRC (with a bit-at-a-time CRC, independent of the writer's table).
/// </summary>
internal static class MinimalPngReader
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public sealed record Image(int Width, int Height, byte[] Rgb8, IReadOnlyList<string> Chunks);

    public static Image Read(byte[] png)
    {
        if (!png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("bad signature");
        }

        var chunks = new List<string>();
        var idat = new MemoryStream();
        int width = 0, height = 0;
        int at = 8;
        while (true)
        {
            int length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at)));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            ReadOnlySpan<byte> data = png.AsSpan(at + 8, length);
            uint stored = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            uint computed = BitwiseCrc32(png.AsSpan(at + 4, length + 4));
            if (stored != computed)
            {
                throw new InvalidDataException($"{type} CRC {stored:X8}, computed {computed:X8}");
            }

            chunks.Add(type);
            at += 12 + length;
            switch (type)
            {
                case "IHDR":
                    if (chunks.Count != 1 || length != 13)
                    {
                        throw new InvalidDataException("IHDR must come first with 13 bytes");
                    }

                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    if (data[8] != 8 || data[9] != 2 || data[10] != 0 || data[11] != 0 || data[12] != 0)
                    {
                        throw new InvalidDataException($"not 8-bit truecolour without interlace: {Convert.ToHexString(data[8..])}");
                    }

                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    if (at != png.Length)
                    {
                        throw new InvalidDataException("bytes after IEND");
                    }

                    idat.Position = 0;
                    return new Image(width, height, Unfilter(Inflate(idat), width, height), chunks);
                default:
                    throw new InvalidDataException($"unexpected chunk {type}");
            }
        }
    }

    private static byte[] Inflate(Stream zlib)
    {
        using var inflater = new ZLibStream(zlib, CompressionMode.Decompress);
        var raw = new MemoryStream();
        inflater.CopyTo(raw);
        return raw.ToArray();
    }

    private static byte[] Unfilter(byte[] filtered, int width, int height)
    {
        const int Bpp = 3;
        int stride = width * Bpp;
        if (filtered.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"{filtered.Length} bytes of scanlines for {width}x{height}");
        }

        var image = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            byte filter = filtered[y * (stride + 1)];
            for (int x = 0; x < stride; x++)
            {
                int a = x >= Bpp ? image[(y * stride) + x - Bpp] : 0;
                int b = y > 0 ? image[((y - 1) * stride) + x] : 0;
                int c = x >= Bpp && y > 0 ? image[((y - 1) * stride) + x - Bpp] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter type {filter}"),
                };
                image[(y * stride) + x] = (byte)(filtered[(y * (stride + 1)) + 1 + x] + predictor);
            }
        }

        return image;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint BitwiseCrc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte value in bytes)
        {
            crc ^= value;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
            }
        }

        return ~crc;
    }
}
