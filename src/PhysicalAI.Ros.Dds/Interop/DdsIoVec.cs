namespace PhysicalAI.Ros.Dds.Interop;

/// <summary><c>ddsrt_iovec_t</c> on Linux: <c>struct iovec</c>.</summary>
internal unsafe struct DdsIoVec
{
    public void* Base;
    public nuint Length;
}
