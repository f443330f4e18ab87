using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>
/// Cyclone's write batching, one switch for the whole process that each writer reads when it is created:
/// once on, writes are packed into shared packets until a packet fills or the writer is flushed. Writers
/// not created as batched flush after every write, so turning batching on for a high-rate stream leaves
/// every other topic's latency as it was.
/// </summary>
internal static class DdsWriteBatching
{
    private static int _enabled;

    public static bool IsEnabled => Volatile.Read(ref _enabled) != 0;

    public static void Enable()
    {
        if (Interlocked.Exchange(ref _enabled, 1) == 0)
        {
            DdsNative.dds_write_set_batch(1);
        }
    }
}
