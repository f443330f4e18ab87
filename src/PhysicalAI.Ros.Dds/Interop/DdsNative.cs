using System.Runtime.InteropServices;

namespace PhysicalAI.Ros.Dds.Interop;

/// <summary>
/// The libddsc 0.10.x C API we use, with its C names. Entities are <c>dds_entity_t</c> (int32), return
/// codes <c>dds_return_t</c> (int32, negative on error), durations int64 nanoseconds.
/// </summary>
internal static unsafe partial class DdsNative
{
    public const string Library = "ddsc";

    public const uint DomainDefault = 0xFFFFFFFF;
    public const int CycloneDdsHandle = 0x7FFF0000;
    public const int BuiltinTopicDcpsParticipant = 0x7FFF0001;
    public const int BuiltinTopicDcpsPublication = 0x7FFF0003;
    public const int BuiltinTopicDcpsSubscription = 0x7FFF0004;
    public const long Infinity = long.MaxValue;
    public const uint AnyState = 0x7F;
    public const uint DataAvailableStatus = 1u << 8;
    public const uint OfferedIncompatibleQosStatus = 1u << 3;
    public const uint RequestedIncompatibleQosStatus = 1u << 4;
    public const uint PublicationMatchedStatus = 1u << 11;
    public const uint SubscriptionMatchedStatus = 1u << 12;
    public const uint SertypeFlagTopicKindNoKey = 1;
    public const uint DataRepresentationFlagXcdr1 = 1;

    static DdsNative() => DdsLibraryResolver.Register();

    // Domain and entities.
    [LibraryImport(Library)] public static partial int dds_create_domain(uint domain, byte* config);
    [LibraryImport(Library)] public static partial int dds_create_participant(uint domain, void* qos, void* listener);
    [LibraryImport(Library)] public static partial int dds_create_publisher(int participant, void* qos, void* listener);
    [LibraryImport(Library)] public static partial int dds_create_subscriber(int participant, void* qos, void* listener);
    [LibraryImport(Library)] public static partial int dds_create_topic_sertype(int participant, byte* name, void** sertype, void* qos, void* listener, void* plist);
    [LibraryImport(Library)] public static partial int dds_create_writer(int participantOrPublisher, int topic, void* qos, void* listener);
    [LibraryImport(Library)] public static partial int dds_create_reader(int participantOrSubscriber, int topic, void* qos, void* listener);
    [LibraryImport(Library)] public static partial int dds_delete(int entity);
    [LibraryImport(Library)] public static partial int dds_get_guid(int entity, DdsGuid* guid);
    [LibraryImport(Library)] public static partial int dds_get_instance_handle(int entity, ulong* handle);
    [LibraryImport(Library)] public static partial int dds_set_status_mask(int entity, uint mask);
    [LibraryImport(Library)] public static partial int dds_take_status(int entity, uint* status, uint mask);
    [LibraryImport(Library)] public static partial int dds_get_qos(int entity, void* qos);
    [LibraryImport(Library)] public static partial byte* dds_strretcode(int returnCode);

    // Data.
    [LibraryImport(Library)] public static partial int dds_writecdr(int writer, DdsSerdata* serdata);
    [LibraryImport(Library)] public static partial int dds_takecdr(int readerOrCondition, DdsSerdata** buffer, uint maxSamples, DdsSampleInfo* info, uint mask);
    [LibraryImport(Library)] public static partial int dds_take(int readerOrCondition, void** buffer, DdsSampleInfo* info, nuint bufferSize, uint maxSamples);
    [LibraryImport(Library)] public static partial int dds_return_loan(int readerOrCondition, void** buffer, int count);
    [LibraryImport(Library)] public static partial int dds_wait_for_acks(int writer, long timeout);
    [LibraryImport(Library)] public static partial void dds_write_set_batch(byte enable);
    [LibraryImport(Library)] public static partial void dds_write_flush(int writer);

    // Conditions and wait sets.
    [LibraryImport(Library)] public static partial int dds_create_readcondition(int reader, uint mask);
    [LibraryImport(Library)] public static partial int dds_create_guardcondition(int owner);
    [LibraryImport(Library)] public static partial int dds_set_guardcondition(int guard, byte triggered);
    [LibraryImport(Library)] public static partial int dds_take_guardcondition(int guard, byte* triggered);
    [LibraryImport(Library)] public static partial int dds_create_waitset(int owner);
    [LibraryImport(Library)] public static partial int dds_waitset_attach(int waitset, int entity, nint argument);
    [LibraryImport(Library)] public static partial int dds_waitset_detach(int waitset, int entity);
    [LibraryImport(Library)] public static partial int dds_waitset_wait(int waitset, nint* triggered, nuint size, long relativeTimeout);

    // Listeners.
    [LibraryImport(Library)] public static partial void* dds_create_listener(void* argument);
    [LibraryImport(Library)] public static partial void dds_delete_listener(void* listener);
    [LibraryImport(Library)] public static partial int dds_set_listener(int entity, void* listener);
    [LibraryImport(Library)] public static partial void dds_lset_data_available_arg(void* listener, delegate* unmanaged[Cdecl]<int, void*, void> callback, void* argument, byte resetOnInvoke);

    // Status.
    [LibraryImport(Library)] public static partial int dds_get_requested_incompatible_qos_status(int reader, DdsIncompatibleQosStatus* status);
    [LibraryImport(Library)] public static partial int dds_get_offered_incompatible_qos_status(int writer, DdsIncompatibleQosStatus* status);
    [LibraryImport(Library)] public static partial int dds_get_publication_matched_status(int writer, DdsMatchedStatus* status);
    [LibraryImport(Library)] public static partial int dds_get_subscription_matched_status(int reader, DdsMatchedStatus* status);
    [LibraryImport(Library)] public static partial int dds_get_matched_subscriptions(int writer, ulong* handles, nuint size);
    [LibraryImport(Library)] public static partial int dds_get_matched_publications(int reader, ulong* handles, nuint size);
    [LibraryImport(Library)] public static partial DdsBuiltinTopicEndpoint* dds_get_matched_subscription_data(int writer, ulong handle);
    [LibraryImport(Library)] public static partial DdsBuiltinTopicEndpoint* dds_get_matched_publication_data(int reader, ulong handle);
    [LibraryImport(Library)] public static partial void dds_builtintopic_free_endpoint(DdsBuiltinTopicEndpoint* endpoint);

    // QoS.
    [LibraryImport(Library)] public static partial void* dds_create_qos();
    [LibraryImport(Library)] public static partial void dds_delete_qos(void* qos);
    [LibraryImport(Library)] public static partial void dds_qset_reliability(void* qos, int kind, long maxBlockingTime);
    [LibraryImport(Library)] public static partial void dds_qset_durability(void* qos, int kind);
    [LibraryImport(Library)] public static partial void dds_qset_history(void* qos, int kind, int depth);
    [LibraryImport(Library)] public static partial void dds_qset_durability_service(void* qos, long cleanupDelay, int historyKind, int historyDepth, int maxSamples, int maxInstances, int maxSamplesPerInstance);
    [LibraryImport(Library)] public static partial void dds_qset_lifespan(void* qos, long lifespan);
    [LibraryImport(Library)] public static partial void dds_qset_deadline(void* qos, long deadline);
    [LibraryImport(Library)] public static partial void dds_qset_liveliness(void* qos, int kind, long leaseDuration);
    [LibraryImport(Library)] public static partial void dds_qset_writer_data_lifecycle(void* qos, byte autodispose);
    [LibraryImport(Library)] public static partial void dds_qset_ignorelocal(void* qos, int ignore);
    [LibraryImport(Library)] public static partial void dds_qset_userdata(void* qos, void* value, nuint size);
    [LibraryImport(Library)] public static partial byte dds_qget_userdata(void* qos, void** value, nuint* size);
    [LibraryImport(Library)] public static partial byte dds_qget_reliability(void* qos, int* kind, long* maxBlockingTime);
    [LibraryImport(Library)] public static partial byte dds_qget_durability(void* qos, int* kind);
    [LibraryImport(Library)] public static partial byte dds_qget_history(void* qos, int* kind, int* depth);
    [LibraryImport(Library)] public static partial byte dds_qget_deadline(void* qos, long* deadline);
    [LibraryImport(Library)] public static partial byte dds_qget_lifespan(void* qos, long* lifespan);
    [LibraryImport(Library)] public static partial byte dds_qget_liveliness(void* qos, int* kind, long* leaseDuration);
    [LibraryImport(Library)] public static partial void dds_free(void* pointer);

    // Sertype and serdata plumbing (exported although declared inline in the headers).
    [LibraryImport(Library)] public static partial void ddsi_sertype_init_flags(DdsSertype* sertype, byte* typeName, DdsSertypeOps* sertypeOps, DdsSerdataOps* serdataOps, uint flags);
    [LibraryImport(Library)] public static partial void ddsi_sertype_fini(DdsSertype* sertype);
    [LibraryImport(Library)] public static partial void ddsi_sertype_unref(DdsSertype* sertype);
    [LibraryImport(Library)] public static partial void ddsi_serdata_init(DdsSerdata* serdata, DdsSertype* sertype, int kind);
    [LibraryImport(Library)] public static partial DdsSerdata* ddsi_serdata_ref(DdsSerdata* serdata);
    [LibraryImport(Library)] public static partial void ddsi_serdata_unref(DdsSerdata* serdata);
}
