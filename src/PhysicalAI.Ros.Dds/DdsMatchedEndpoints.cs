using System.Runtime.InteropServices;
using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>What Cyclone knows about the endpoints a reader or writer is matched with.</summary>
internal static unsafe class DdsMatchedEndpoints
{
    private const int MaxMatched = 256;

    /// <summary>The readers matched with <paramref name="writer"/>.</summary>
    public static List<DdsDiscoveredEntity> OfWriter(int writer)
    {
        ulong* handles = stackalloc ulong[MaxMatched];
        int count = DdsNative.dds_get_matched_subscriptions(writer, handles, MaxMatched);
        var result = new List<DdsDiscoveredEntity>();
        for (int i = 0; i < Math.Min(count, MaxMatched); i++)
        {
            if (Describe(DdsNative.dds_get_matched_subscription_data(writer, handles[i]), handles[i]) is { } e)
            {
                result.Add(e);
            }
        }

        return result;
    }

    /// <summary>The writers matched with <paramref name="reader"/>.</summary>
    public static List<DdsDiscoveredEntity> OfReader(int reader)
    {
        ulong* handles = stackalloc ulong[MaxMatched];
        int count = DdsNative.dds_get_matched_publications(reader, handles, MaxMatched);
        var result = new List<DdsDiscoveredEntity>();
        for (int i = 0; i < Math.Min(count, MaxMatched); i++)
        {
            if (Describe(DdsNative.dds_get_matched_publication_data(reader, handles[i]), handles[i]) is { } e)
            {
                result.Add(e);
            }
        }

        return result;
    }

    /// <summary>The writer with local handle <paramref name="publicationHandle"/> matched with <paramref name="reader"/>, if still matched.</summary>
    public static DdsDiscoveredEntity? WriterOf(int reader, ulong publicationHandle) =>
        Describe(DdsNative.dds_get_matched_publication_data(reader, publicationHandle), publicationHandle);

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
