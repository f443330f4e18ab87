using System.Runtime.InteropServices;

namespace PhysicalAI.Ros.Dds.Interop;

/// <summary>
/// <c>struct ddsi_serdata</c> (72 bytes on an SHM-enabled 0.10.x build) followed by our own fields: the
/// payload size and the payload itself, which starts at <see cref="PayloadOffset"/> in the same allocation.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = PayloadOffset)]
internal unsafe struct DdsSerdata
{
    /// <summary>Where the CDR payload (header included) starts, 8-aligned after our fields.</summary>
    public const int PayloadOffset = 80;

    [FieldOffset(0)] public DdsSerdataOps* Ops;
    [FieldOffset(8)] public uint Hash;
    [FieldOffset(12)] public uint Refc;
    [FieldOffset(16)] public int Kind;
    [FieldOffset(24)] public DdsSertype* Type;
    [FieldOffset(32)] public long Timestamp;
    [FieldOffset(40)] public uint StatusInfo;
    [FieldOffset(48)] public long TWrite;
    [FieldOffset(56)] public void* IoxChunk;
    [FieldOffset(64)] public void* IoxSubscriber;

    /// <summary>Payload bytes held, header included, padded to a multiple of 4 (what get_size reports).</summary>
    [FieldOffset(72)] public uint Size;

    /// <summary>The serdata kinds Cyclone uses (<c>enum ddsi_serdata_kind</c>).</summary>
    public const int KindEmpty = 0;
    public const int KindKey = 1;
    public const int KindData = 2;

    /// <summary>The payload of a serdata that <paramref name="serdata"/> points to.</summary>
    public static byte* Payload(DdsSerdata* serdata) => (byte*)serdata + PayloadOffset;
}
