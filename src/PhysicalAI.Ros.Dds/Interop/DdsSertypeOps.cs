namespace PhysicalAI.Ros.Dds.Interop;

/// <summary><c>struct ddsi_sertype_ops</c>: 14 function pointers, in the header's order.</summary>
internal unsafe struct DdsSertypeOps
{
    public void* Version;
    public void* Arg;
    public delegate* unmanaged[Cdecl]<DdsSertype*, void> Free;
    public delegate* unmanaged[Cdecl]<DdsSertype*, void*, nuint, void> ZeroSamples;
    public delegate* unmanaged[Cdecl]<void**, DdsSertype*, void*, nuint, nuint, void> ReallocSamples;
    public delegate* unmanaged[Cdecl]<DdsSertype*, void**, nuint, int, void> FreeSamples;
    public delegate* unmanaged[Cdecl]<DdsSertype*, DdsSertype*, byte> Equal;
    public delegate* unmanaged[Cdecl]<DdsSertype*, uint> Hash;
    public void* TypeId;
    public void* TypeMap;
    public void* TypeInfo;
    public void* DeriveSertype;
    public delegate* unmanaged[Cdecl]<DdsSertype*, int, void*, nuint> GetSerializedSize;
    public delegate* unmanaged[Cdecl]<DdsSertype*, int, void*, void*, nuint, byte> SerializeInto;
}
