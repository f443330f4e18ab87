using System.Runtime.InteropServices;

namespace PhysicalAI.Ros.Dds.Interop;

/// <summary>
/// <c>struct ddsi_sertype</c> of a Cyclone DDS 0.10.x build with shared memory support (Debian's), 80 bytes.
/// Our sertypes add nothing after it: the type name is all a CDR-carrying type needs.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 80)]
internal unsafe struct DdsSertype
{
    [FieldOffset(0)] public DdsSertypeOps* Ops;
    [FieldOffset(8)] public DdsSerdataOps* SerdataOps;
    [FieldOffset(16)] public uint SerdataBasehash;

    /// <summary>Bit 0 typekind_no_key, bit 1 request_keyhash, bit 2 fixed_size.</summary>
    [FieldOffset(20)] public uint Flags;
    [FieldOffset(24)] public uint AllowedDataRepresentation;
    [FieldOffset(32)] public byte* TypeName;
    [FieldOffset(40)] public void* Gv;
    [FieldOffset(48)] public uint FlagsRefc;
    [FieldOffset(56)] public DdsSertype* BaseSertype;
    [FieldOffset(64)] public void* WrappedSertopic;
    [FieldOffset(72)] public uint IoxSize;
}
