using System.Globalization;
using System.Runtime.InteropServices;

namespace PhysicalAI.Ros.Dds;

/// <summary>
/// A DDS GUID: 12-byte participant prefix and 4-byte entity id in wire order. ROS 2 uses it as the GID
/// of participants, publishers and subscriptions (zero-padded to 24 bytes in Humble).
/// </summary>
public readonly struct DdsGid : IEquatable<DdsGid>
{
    // The 16 bytes in memory order, held as two words so the struct compares and hashes without copying.
    private readonly ulong _first;
    private readonly ulong _second;

    /// <summary>Creates a GID from its 16 bytes.</summary>
    public DdsGid(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 16)
        {
            throw new ArgumentException("a DDS GUID has 16 bytes", nameof(bytes));
        }

        _first = MemoryMarshal.Read<ulong>(bytes);
        _second = MemoryMarshal.Read<ulong>(bytes[8..]);
    }

    /// <summary>Writes the 16 bytes into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination)
    {
        MemoryMarshal.Write(destination, in _first);
        MemoryMarshal.Write(destination[8..], in _second);
    }

    /// <summary>The 16 bytes as a new array.</summary>
    public byte[] ToArray()
    {
        byte[] bytes = new byte[16];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>
    /// The vendor that created the GUID, from the first two bytes of the prefix (RTPS convention):
    /// <c>01 10</c> Eclipse Cyclone DDS, <c>01 0f</c> eProsima Fast DDS, <c>01 01</c> RTI Connext.
    /// </summary>
    public string Vendor
    {
        get
        {
            Span<byte> bytes = stackalloc byte[16];
            CopyTo(bytes);
            return (bytes[0], bytes[1]) switch
            {
                (0x01, 0x10) => "Eclipse Cyclone DDS",
                (0x01, 0x0f) => "eProsima Fast DDS",
                (0x01, 0x01) => "RTI Connext DDS",
                (0x01, 0x02) => "OpenSplice",
                _ => $"vendor {bytes[0]:x2}{bytes[1]:x2}",
            };
        }
    }

    /// <summary>Whether the vendor bytes say eProsima Fast DDS.</summary>
    public bool IsFastDds => (_first & 0xFFFF) == 0x0F01;

    /// <summary>Whether two GIDs belong to the same participant (equal 12-byte prefixes).</summary>
    public bool SameParticipant(DdsGid other) => _first == other._first && (uint)_second == (uint)other._second;

    /// <summary>The GUID of the participant entity with this prefix (entity id 00 00 01 c1).</summary>
    public DdsGid Participant()
    {
        Span<byte> bytes = stackalloc byte[16];
        CopyTo(bytes);
        bytes[12] = 0x00;
        bytes[13] = 0x00;
        bytes[14] = 0x01;
        bytes[15] = 0xc1;
        return new DdsGid(bytes);
    }

    /// <inheritdoc/>
    public bool Equals(DdsGid other) => _first == other._first && _second == other._second;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DdsGid other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_first, _second);

    /// <summary>Dotted hex, as <c>ros2 topic info -v</c> prints GIDs.</summary>
    public override string ToString() => string.Join('.', ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    public static bool operator ==(DdsGid left, DdsGid right) => left.Equals(right);

    public static bool operator !=(DdsGid left, DdsGid right) => !left.Equals(right);
}
