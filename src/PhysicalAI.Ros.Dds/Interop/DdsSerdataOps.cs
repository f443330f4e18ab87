namespace PhysicalAI.Ros.Dds.Interop;

/// <summary><c>struct ddsi_serdata_ops</c> of an SHM-enabled build: 17 function pointers, in the header's order.</summary>
internal unsafe struct DdsSerdataOps
{
    public delegate* unmanaged[Cdecl]<DdsSerdata*, DdsSerdata*, byte> EqKey;
    public delegate* unmanaged[Cdecl]<DdsSerdata*, uint> GetSize;
    public delegate* unmanaged[Cdecl]<DdsSertype*, int, NnRdata*, nuint, DdsSerdata*> FromSer;
    public delegate* unmanaged[Cdecl]<DdsSertype*, int, nuint, DdsIoVec*, nuint, DdsSerdata*> FromSerIov;
    public delegate* unmanaged[Cdecl]<DdsSertype*, void*, DdsSerdata*> FromKeyhash;
    public delegate* unmanaged[Cdecl]<DdsSertype*, int, void*, DdsSerdata*> FromSample;
    public delegate* unmanaged[Cdecl]<DdsSerdata*, nuint, nuint, void*, void> ToSer;
    public delegate* unmanaged[Cdecl]<DdsSerdata*, nuint, nuint, DdsIoVec*, DdsSerdata*> ToSerRef;
    public delegate* unmanaged[Cdecl]<DdsSerdata*, DdsIoVec*, void> ToSerUnref;
    public delegate* unmanaged[Cdecl]<DdsSerdata*, void*, void**, void*, byte> ToSample;
    public delegate* unmanaged[Cdecl]<DdsSerdata*, DdsSerdata*> ToUntyped;
    public delegate* unmanaged[Cdecl]<DdsSertype*, DdsSerdata*, void*, void**, void*, byte> UntypedToSample;
    public delegate* unmanaged[Cdecl]<DdsSerdata*, void> Free;
    public delegate* unmanaged[Cdecl]<DdsSertype*, DdsSerdata*, byte*, nuint, nuint> Print;
    public delegate* unmanaged[Cdecl]<DdsSerdata*, byte*, byte, void> GetKeyhash;
    public void* GetSampleSize;
    public void* FromIoxBuffer;
}
