using System.Buffers.Binary;

namespace PhysicalAI.Ros.Cdr;

/// <summary>The 4-byte encapsulation header that starts every serialized ROS 2 payload.</summary>
/// <remarks>
/// Bytes 0-1 are the representation identifier (big-endian on the wire), bytes 2-3 the options.
/// ROS 2 uses only plain CDR (XCDR1), so only CDR_BE and CDR_LE are accepted; the parameter-list and
/// XCDR2 representations would need a different body layout and are rejected by name.
/// </remarks>
public static class CdrEncapsulation
{
    /// <summary>Size of the encapsulation header in bytes. Alignment in the body counts from its end.</summary>
    public const int HeaderSize = 4;

    /// <summary>Representation identifier of big-endian plain CDR.</summary>
    public const ushort CdrBigEndian = 0x0000;

    /// <summary>Representation identifier of little-endian plain CDR.</summary>
    public const ushort CdrLittleEndian = 0x0001;

    /// <summary>Reads the header at the start of <paramref name="payload"/>.</summary>
    /// <exception cref="CdrException">The payload is shorter than a header, or its representation is not plain CDR.</exception>
    public static CdrEndianness ReadHeader(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < HeaderSize)
        {
            CdrThrow.Truncated(0, "(encapsulation header)", HeaderSize, payload.Length);
        }

        ushort representation = BinaryPrimitives.ReadUInt16BigEndian(payload);
        return representation switch
        {
            CdrLittleEndian => CdrEndianness.Little,
            CdrBigEndian => CdrEndianness.Big,
            _ => CdrThrow.UnsupportedRepresentation(representation),
        };
    }

    /// <summary>Writes a header with zero options for <paramref name="endianness"/>.</summary>
    public static void WriteHeader(Span<byte> destination, CdrEndianness endianness)
    {
        if (destination.Length < HeaderSize)
        {
            CdrThrow.BufferTooSmall(0, "(encapsulation header)", HeaderSize, destination.Length);
        }

        destination[0] = 0;
        destination[1] = endianness == CdrEndianness.Little ? (byte)1 : (byte)0;
        destination[2] = 0;
        destination[3] = 0;
    }

    /// <summary>A readable name for a representation identifier, used in error messages.</summary>
    public static string DescribeRepresentation(ushort representation) => representation switch
    {
        0x0000 => "CDR_BE",
        0x0001 => "CDR_LE",
        0x0002 => "PL_CDR_BE",
        0x0003 => "PL_CDR_LE",
        0x0006 => "CDR2_BE",
        0x0007 => "CDR2_LE",
        0x0008 => "PL_CDR2_BE",
        0x0009 => "PL_CDR2_LE",
        0x000a => "D_CDR2_BE",
        0x000b => "D_CDR2_LE",
        0x0004 => "XML",
        _ => "unknown",
    };
}
