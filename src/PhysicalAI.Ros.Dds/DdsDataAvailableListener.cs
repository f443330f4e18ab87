using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>
/// A DATA_AVAILABLE listener: Cyclone calls back on its receive thread as soon as a reader has data,
/// without waking another thread. The managed callback is reached through a GCHandle kept alive until
/// the reader is deleted; exceptions never cross into Cyclone.
/// </summary>
internal sealed unsafe class DdsDataAvailableListener : IDisposable
{
    private readonly Action _callback;
    private readonly Action<Exception> _onError;
    private GCHandle _self;

    public DdsDataAvailableListener(Action callback, Action<Exception> onError)
    {
        _callback = callback;
        _onError = onError;
        _self = GCHandle.Alloc(this);
        Native = DdsNative.dds_create_listener((void*)GCHandle.ToIntPtr(_self));
        DdsNative.dds_lset_data_available_arg(Native, &OnDataAvailable, (void*)GCHandle.ToIntPtr(_self), 1);
    }

    /// <summary>The <c>dds_listener_t*</c> to pass when creating the reader.</summary>
    public void* Native { get; private set; }

    /// <summary>Frees the listener; call after the reader is deleted (no callback can run any more).</summary>
    public void Dispose()
    {
        if (Native != null)
        {
            DdsNative.dds_delete_listener(Native);
            Native = null;
        }

        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDataAvailable(int reader, void* argument)
    {
        if (GCHandle.FromIntPtr((nint)argument).Target is not DdsDataAvailableListener listener)
        {
            return;
        }

        try
        {
            listener._callback();
        }
        catch (Exception e)
        {
            try
            {
                listener._onError(e);
            }
            catch (Exception)
            {
                // Nothing may escape into Cyclone's receive thread.
            }
        }
    }
}
