using System.Runtime.InteropServices;
using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>What Cyclone knows about the endpoints a reader or writer is matched with.</summary>
internal static unsafe class DdsMatchedEndpoints
{
    private const int FirstGuess = 64;

    /// <summary>The readers matched with <paramref name="writer"/>.</summary>
    public static List<DdsDiscoveredEntity> OfWriter(int writer)
    {
        var result = new List<DdsDiscoveredEntity>();
        foreach (ulong handle in Handles(writer, &DdsNative.dds_get_matched_subscriptions))
        {
            if (Describe(DdsNative.dds_get_matched_subscription_data(writer, handle), handle) is { } e)
            {
                result.Add(e);
            }
        }

        return result;
    }

    /// <summary>The writers matched with <paramref name="reader"/>.</summary>
    public static List<DdsDiscoveredEntity> OfReader(int reader)
    {
        var result = new List<DdsDiscoveredEntity>();
        foreach (ulong handle in Handles(reader, &DdsNative.dds_get_matched_publications))
        {
            if (Describe(DdsNative.dds_get_matched_publication_data(reader, handle), handle) is { } e)
            {
                result.Add(e);
            }
        }

        return result;
    }

    /// <summary>The writer with local handle <paramref name="publicationHandle"/> matched with <paramref name="reader"/>, if still matched.</summary>
    public static DdsDiscoveredEntity? WriterOf(int reader, ulong publicationHandle) =>
        Describe(DdsNative.dds_get_matched_publication_data(reader, publicationHandle), publicationHandle);

    /// <summary>The matched handles, however many: Cyclone reports the full count when the buffer is too small.</summary>
    private static ulong[] Handles(int entity, delegate*<int, ulong*, nuint, int> getMatched)
    {
        ulong[] handles = new ulong[FirstGuess];
        while (true)
        {
            int count;
            fixed (ulong* buffer = handles)
            {
                count = getMatched(entity, buffer, (nuint)handles.Length);
            }

            if (count < 0)
            {
                return [];
            }

            if (count <= handles.Length)
            {
                return handles[..count];
            }

            handles = new ulong[count];
        }
    }

    private static DdsDiscoveredEntity? Describe(DdsBuiltinTopicEndpoint* endpoint, ulong handle)
    {
        if (endpoint == null)
        {
            return null;
        }

        try
        {
            return new DdsDiscoveredEntity(
                true,
                handle,
                new DdsGid(endpoint->Key),
                new DdsGid(endpoint->ParticipantKey),
                Marshal.PtrToStringUTF8((nint)endpoint->TopicName) ?? string.Empty,
                Marshal.PtrToStringUTF8((nint)endpoint->TypeName) ?? string.Empty,
                DdsQos.FromNative(endpoint->Qos));
        }
        finally
        {
            DdsNative.dds_builtintopic_free_endpoint(endpoint);
        }
    }
}
