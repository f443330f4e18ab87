using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds.Serdata;

/// <summary>
/// A Cyclone DDS sertype whose samples are ROS 2 CDR payloads held as bytes, as rmw_cyclonedds_cpp's
/// sertype_rmw does in C++: Cyclone sees the ROS DDS type name and moves our bytes unchanged, and we do
/// all (de)serialization in C#. The callbacks run on Cyclone's threads; none of them can throw.
/// </summary>
internal static unsafe class CdrTypeSupport
{
    private static readonly DdsSertypeOps* SertypeOps;
    private static readonly DdsSerdataOps* SerdataOps;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1810", Justification = "The ops tables must be built after libddsc is loaded.")]
    static CdrTypeSupport()
    {
        DdsLibraryResolver.EnsureLoaded();

        // Cyclone hashes the serdata ops table by address and content, so both tables live at fixed
        // native addresses for the life of the process.
        SertypeOps = (DdsSertypeOps*)NativeMemory.AllocZeroed((nuint)sizeof(DdsSertypeOps));
        SertypeOps->Version = (void*)DdsLibraryResolver.GetExport("ddsi_sertype_v0");
        SertypeOps->Free = &FreeSertype;
        SertypeOps->ZeroSamples = &ZeroSamples;
        SertypeOps->ReallocSamples = &ReallocSamples;
        SertypeOps->FreeSamples = &FreeSamples;
        SertypeOps->Equal = &Equal;
        SertypeOps->Hash = &Hash;
        SertypeOps->GetSerializedSize = &GetSerializedSize;
        SertypeOps->SerializeInto = &SerializeInto;

        SerdataOps = (DdsSerdataOps*)NativeMemory.AllocZeroed((nuint)sizeof(DdsSerdataOps));
        SerdataOps->EqKey = &EqKey;
        SerdataOps->GetSize = &GetSize;
        SerdataOps->FromSer = &FromSer;
        SerdataOps->FromSerIov = &FromSerIov;
        SerdataOps->FromKeyhash = &FromKeyhash;
        SerdataOps->FromSample = &FromSample;
        SerdataOps->ToSer = &ToSer;
        SerdataOps->ToSerRef = &ToSerRef;
        SerdataOps->ToSerUnref = &ToSerUnref;
        SerdataOps->ToSample = &ToSample;
        SerdataOps->ToUntyped = &ToUntyped;
        SerdataOps->UntypedToSample = &UntypedToSample;
        SerdataOps->Free = &FreeSerdata;
        SerdataOps->Print = &Print;
        SerdataOps->GetKeyhash = &GetKeyhash;
    }

    /// <summary>
    /// A new sertype for <paramref name="ddsTypeName"/>: keyless, XCDR1 only. Ownership passes to Cyclone
    /// when <c>dds_create_topic_sertype</c> succeeds; otherwise release it with <see cref="ReleaseSertype"/>.
    /// </summary>
    public static DdsSertype* CreateSertype(string ddsTypeName)
    {
        var sertype = (DdsSertype*)NativeMemory.AllocZeroed((nuint)sizeof(DdsSertype));
        int length = Encoding.UTF8.GetByteCount(ddsTypeName);
        Span<byte> name = length < 512 ? stackalloc byte[length + 1] : new byte[length + 1];
        Encoding.UTF8.GetBytes(ddsTypeName, name);
        name[length] = 0;
        fixed (byte* namePointer = name)
        {
            DdsNative.ddsi_sertype_init_flags(sertype, namePointer, SertypeOps, SerdataOps, DdsNative.SertypeFlagTopicKindNoKey);
        }

        // ROS 2 payloads are XCDR1; init allows XCDR1 and XCDR2.
        sertype->AllowedDataRepresentation = DdsNative.DataRepresentationFlagXcdr1;
        return sertype;
    }

    /// <summary>Drops our reference to a sertype Cyclone did not take.</summary>
    public static void ReleaseSertype(DdsSertype* sertype) => DdsNative.ddsi_sertype_unref(sertype);

    /// <summary>Whether <paramref name="serdata"/> was made by these ops (and so has our payload layout).</summary>
    public static bool IsOurs(DdsSerdata* serdata) => serdata->Ops == SerdataOps;

    /// <summary>A serdata with room for <paramref name="capacity"/> payload bytes, refcount 1, size 0.</summary>
    public static DdsSerdata* Allocate(DdsSertype* type, int kind, nuint capacity)
    {
        var serdata = (DdsSerdata*)NativeMemory.Alloc(DdsSerdata.PayloadOffset + capacity);
        DdsNative.ddsi_serdata_init(serdata, type, kind);
        serdata->Size = 0;
        return serdata;
    }

    private static nuint AlignUp4(nuint size) => (size + 3) & ~(nuint)3;

    /// <summary>Zeroes the bytes between the payload's end and the next multiple of 4; Cyclone may send them.</summary>
    private static void ZeroPadding(DdsSerdata* serdata, nuint size)
    {
        nuint padded = AlignUp4(size);
        if (padded > size)
        {
            NativeMemory.Clear(DdsSerdata.Payload(serdata) + size, padded - size);
        }

        serdata->Size = (uint)padded;
    }

    // ---- serdata ops ---------------------------------------------------------------------------

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte EqKey(DdsSerdata* a, DdsSerdata* b) => 1;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static uint GetSize(DdsSerdata* serdata) => serdata->Size;

    /// <summary>A sample received from the network: concatenate the (possibly overlapping) fragments.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static DdsSerdata* FromSer(DdsSertype* type, int kind, NnRdata* fragments, nuint size)
    {
        try
        {
            DdsSerdata* serdata = Allocate(type, kind, AlignUp4(size));
            byte* target = DdsSerdata.Payload(serdata);
            uint offset = 0;
            for (NnRdata* fragment = fragments; fragment != null && offset < size; fragment = fragment->NextFrag)
            {
                uint end = (uint)Math.Min(fragment->MaxP1, (ulong)size);
                if (end > offset && fragment->Min <= offset)
                {
                    byte* source = fragment->Rmsg + NnRdata.RmsgSize + fragment->PayloadZoff + (offset - fragment->Min);
                    Buffer.MemoryCopy(source, target + offset, end - offset, end - offset);
                    offset = end;
                }
            }

            ZeroPadding(serdata, offset);
            return serdata;
        }
        catch (Exception)
        {
            return null;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static DdsSerdata* FromSerIov(DdsSertype* type, int kind, nuint count, DdsIoVec* vectors, nuint size)
    {
        try
        {
            DdsSerdata* serdata = Allocate(type, kind, AlignUp4(size));
            byte* target = DdsSerdata.Payload(serdata);
            nuint offset = 0;
            for (nuint i = 0; i < count && offset < size; i++)
            {
                nuint length = Math.Min(vectors[i].Length, size - offset);
                Buffer.MemoryCopy(vectors[i].Base, target + offset, length, length);
                offset += length;
            }

            ZeroPadding(serdata, offset);
            return serdata;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>Dispose and unregister messages that carry only a key hash; ROS topics are keyless. Must not return null.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static DdsSerdata* FromKeyhash(DdsSertype* type, void* keyhash) => Allocate(type, DdsSerdata.KindKey, 4);

    /// <summary>Only <c>dds_write</c> of typed samples needs this; we only ever write CDR.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static DdsSerdata* FromSample(DdsSertype* type, int kind, void* sample) => null;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ToSer(DdsSerdata* serdata, nuint offset, nuint size, void* buffer) =>
        Buffer.MemoryCopy(DdsSerdata.Payload(serdata) + offset, buffer, size, size);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static DdsSerdata* ToSerRef(DdsSerdata* serdata, nuint offset, nuint size, DdsIoVec* reference)
    {
        reference->Base = DdsSerdata.Payload(serdata) + offset;
        reference->Length = size;
        return DdsNative.ddsi_serdata_ref(serdata);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ToSerUnref(DdsSerdata* serdata, DdsIoVec* reference) => DdsNative.ddsi_serdata_unref(serdata);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte ToSample(DdsSerdata* serdata, void* sample, void** bufferPointer, void* bufferLimit) => 0;

    /// <summary>The key-only copy Cyclone keeps per instance and returns for invalid samples; rmw leaves its type null.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static DdsSerdata* ToUntyped(DdsSerdata* serdata)
    {
        try
        {
            DdsSerdata* untyped = Allocate(serdata->Type, DdsSerdata.KindKey, 4);
            untyped->Type = null;
            return untyped;
        }
        catch (Exception)
        {
            return null;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte UntypedToSample(DdsSertype* type, DdsSerdata* serdata, void* sample, void** bufferPointer, void* bufferLimit) => 1;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FreeSerdata(DdsSerdata* serdata) => NativeMemory.Free(serdata);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nuint Print(DdsSertype* type, DdsSerdata* serdata, byte* buffer, nuint size)
    {
        if (size == 0)
        {
            return 0;
        }

        // Tracing only: "<n bytes of CDR>".
        ReadOnlySpan<byte> text = "(CDR payload)"u8;
        nuint length = Math.Min((nuint)text.Length, size - 1);
        text[..(int)length].CopyTo(new Span<byte>(buffer, (int)length));
        buffer[length] = 0;
        return length;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void GetKeyhash(DdsSerdata* serdata, byte* buffer, byte forceMd5) => NativeMemory.Clear(buffer, 16);

    // ---- sertype ops ---------------------------------------------------------------------------

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FreeSertype(DdsSertype* sertype)
    {
        DdsNative.ddsi_sertype_fini(sertype);
        NativeMemory.Free(sertype);
    }

    // Sample arrays are only used for loaned reads and writes of typed samples, which we never request.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ZeroSamples(DdsSertype* sertype, void* samples, nuint count)
    {
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ReallocSamples(void** pointers, DdsSertype* sertype, void* old, nuint oldCount, nuint count)
    {
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FreeSamples(DdsSertype* sertype, void** pointers, nuint count, int op)
    {
    }

    /// <summary>Called only once names, ops and flags already match: two of ours with one name are the same type.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte Equal(DdsSertype* a, DdsSertype* b) => 1;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static uint Hash(DdsSertype* sertype) => 0;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nuint GetSerializedSize(DdsSertype* sertype, int representation, void* sample) => 0;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte SerializeInto(DdsSertype* sertype, int representation, void* sample, void* destination, nuint size) => 0;
}
