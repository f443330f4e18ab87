using System.Runtime.CompilerServices;

namespace PhysicalAI.Ros.Dds.Interop;

/// <summary>
/// The sizes, member offsets and constants our mirrors of Cyclone's structs assume, keyed by the C
/// names, so a test can compare every one with a C program compiled against the installed headers.
/// </summary>
internal static unsafe class DdsLayouts
{
    /// <summary>Lines in the format the C program prints: <c>struct member offset</c>, <c>struct @size n</c>, <c>const NAME value</c>.</summary>
    public static List<string> Describe()
    {
        var lines = new List<string>();
        DdsSertype sertype = default;
        lines.Add(Size("struct ddsi_sertype", sizeof(DdsSertype)));
        lines.Add(Member("struct ddsi_sertype", "ops", &sertype, &sertype.Ops));
        lines.Add(Member("struct ddsi_sertype", "serdata_ops", &sertype, &sertype.SerdataOps));
        lines.Add(Member("struct ddsi_sertype", "serdata_basehash", &sertype, &sertype.SerdataBasehash));
        lines.Add(Member("struct ddsi_sertype", "allowed_data_representation", &sertype, &sertype.AllowedDataRepresentation));
        lines.Add(Member("struct ddsi_sertype", "type_name", &sertype, &sertype.TypeName));
        lines.Add(Member("struct ddsi_sertype", "gv", &sertype, &sertype.Gv));
        lines.Add(Member("struct ddsi_sertype", "flags_refc", &sertype, &sertype.FlagsRefc));
        lines.Add(Member("struct ddsi_sertype", "base_sertype", &sertype, &sertype.BaseSertype));
        lines.Add(Member("struct ddsi_sertype", "wrapped_sertopic", &sertype, &sertype.WrappedSertopic));
        lines.Add(Member("struct ddsi_sertype", "iox_size", &sertype, &sertype.IoxSize));

        DdsSertypeOps sertypeOps = default;
        lines.Add(Size("struct ddsi_sertype_ops", sizeof(DdsSertypeOps)));
        lines.Add(Member("struct ddsi_sertype_ops", "version", &sertypeOps, &sertypeOps.Version));
        lines.Add(Member("struct ddsi_sertype_ops", "arg", &sertypeOps, &sertypeOps.Arg));
        lines.Add(Member("struct ddsi_sertype_ops", "free", &sertypeOps, &sertypeOps.Free));
        lines.Add(Member("struct ddsi_sertype_ops", "zero_samples", &sertypeOps, &sertypeOps.ZeroSamples));
        lines.Add(Member("struct ddsi_sertype_ops", "realloc_samples", &sertypeOps, &sertypeOps.ReallocSamples));
        lines.Add(Member("struct ddsi_sertype_ops", "free_samples", &sertypeOps, &sertypeOps.FreeSamples));
        lines.Add(Member("struct ddsi_sertype_ops", "equal", &sertypeOps, &sertypeOps.Equal));
        lines.Add(Member("struct ddsi_sertype_ops", "hash", &sertypeOps, &sertypeOps.Hash));
        lines.Add(Member("struct ddsi_sertype_ops", "type_id", &sertypeOps, &sertypeOps.TypeId));
        lines.Add(Member("struct ddsi_sertype_ops", "type_map", &sertypeOps, &sertypeOps.TypeMap));
        lines.Add(Member("struct ddsi_sertype_ops", "type_info", &sertypeOps, &sertypeOps.TypeInfo));
        lines.Add(Member("struct ddsi_sertype_ops", "derive_sertype", &sertypeOps, &sertypeOps.DeriveSertype));
        lines.Add(Member("struct ddsi_sertype_ops", "get_serialized_size", &sertypeOps, &sertypeOps.GetSerializedSize));
        lines.Add(Member("struct ddsi_sertype_ops", "serialize_into", &sertypeOps, &sertypeOps.SerializeInto));

        DdsSerdata serdata = default;
        lines.Add(Size("struct ddsi_serdata", 72));
        lines.Add(Member("struct ddsi_serdata", "ops", &serdata, &serdata.Ops));
        lines.Add(Member("struct ddsi_serdata", "hash", &serdata, &serdata.Hash));
        lines.Add(Member("struct ddsi_serdata", "refc", &serdata, &serdata.Refc));
        lines.Add(Member("struct ddsi_serdata", "kind", &serdata, &serdata.Kind));
        lines.Add(Member("struct ddsi_serdata", "type", &serdata, &serdata.Type));
        lines.Add(Member("struct ddsi_serdata", "timestamp", &serdata, &serdata.Timestamp));
        lines.Add(Member("struct ddsi_serdata", "statusinfo", &serdata, &serdata.StatusInfo));
        lines.Add(Member("struct ddsi_serdata", "twrite", &serdata, &serdata.TWrite));
        lines.Add(Member("struct ddsi_serdata", "iox_chunk", &serdata, &serdata.IoxChunk));
        lines.Add(Member("struct ddsi_serdata", "iox_subscriber", &serdata, &serdata.IoxSubscriber));

        DdsSerdataOps serdataOps = default;
        lines.Add(Size("struct ddsi_serdata_ops", sizeof(DdsSerdataOps)));
        lines.Add(Member("struct ddsi_serdata_ops", "eqkey", &serdataOps, &serdataOps.EqKey));
        lines.Add(Member("struct ddsi_serdata_ops", "get_size", &serdataOps, &serdataOps.GetSize));
        lines.Add(Member("struct ddsi_serdata_ops", "from_ser", &serdataOps, &serdataOps.FromSer));
        lines.Add(Member("struct ddsi_serdata_ops", "from_ser_iov", &serdataOps, &serdataOps.FromSerIov));
        lines.Add(Member("struct ddsi_serdata_ops", "from_keyhash", &serdataOps, &serdataOps.FromKeyhash));
        lines.Add(Member("struct ddsi_serdata_ops", "from_sample", &serdataOps, &serdataOps.FromSample));
        lines.Add(Member("struct ddsi_serdata_ops", "to_ser", &serdataOps, &serdataOps.ToSer));
        lines.Add(Member("struct ddsi_serdata_ops", "to_ser_ref", &serdataOps, &serdataOps.ToSerRef));
        lines.Add(Member("struct ddsi_serdata_ops", "to_ser_unref", &serdataOps, &serdataOps.ToSerUnref));
        lines.Add(Member("struct ddsi_serdata_ops", "to_sample", &serdataOps, &serdataOps.ToSample));
        lines.Add(Member("struct ddsi_serdata_ops", "to_untyped", &serdataOps, &serdataOps.ToUntyped));
        lines.Add(Member("struct ddsi_serdata_ops", "untyped_to_sample", &serdataOps, &serdataOps.UntypedToSample));
        lines.Add(Member("struct ddsi_serdata_ops", "free", &serdataOps, &serdataOps.Free));
        lines.Add(Member("struct ddsi_serdata_ops", "print", &serdataOps, &serdataOps.Print));
        lines.Add(Member("struct ddsi_serdata_ops", "get_keyhash", &serdataOps, &serdataOps.GetKeyhash));
        lines.Add(Member("struct ddsi_serdata_ops", "get_sample_size", &serdataOps, &serdataOps.GetSampleSize));
        lines.Add(Member("struct ddsi_serdata_ops", "from_iox_buffer", &serdataOps, &serdataOps.FromIoxBuffer));

        NnRdata rdata = default;
        lines.Add(Size("struct nn_rmsg", NnRdata.RmsgSize));
        lines.Add(Member("struct nn_rdata", "rmsg", &rdata, &rdata.Rmsg));
        lines.Add(Member("struct nn_rdata", "nextfrag", &rdata, &rdata.NextFrag));
        lines.Add(Member("struct nn_rdata", "min", &rdata, &rdata.Min));
        lines.Add(Member("struct nn_rdata", "maxp1", &rdata, &rdata.MaxP1));
        lines.Add(Member("struct nn_rdata", "submsg_zoff", &rdata, &rdata.SubmsgZoff));
        lines.Add(Member("struct nn_rdata", "payload_zoff", &rdata, &rdata.PayloadZoff));
        lines.Add(Member("struct nn_rdata", "keyhash_zoff", &rdata, &rdata.KeyhashZoff));

        DdsIoVec iov = default;
        lines.Add(Size("ddsrt_iovec_t", sizeof(DdsIoVec)));
        lines.Add(Member("ddsrt_iovec_t", "iov_base", &iov, &iov.Base));
        lines.Add(Member("ddsrt_iovec_t", "iov_len", &iov, &iov.Length));

        DdsSampleInfo info = default;
        lines.Add(Size("dds_sample_info_t", sizeof(DdsSampleInfo)));
        lines.Add(Member("dds_sample_info_t", "sample_state", &info, &info.SampleState));
        lines.Add(Member("dds_sample_info_t", "view_state", &info, &info.ViewState));
        lines.Add(Member("dds_sample_info_t", "instance_state", &info, &info.InstanceState));
        lines.Add(Member("dds_sample_info_t", "valid_data", &info, &info.ValidData));
        lines.Add(Member("dds_sample_info_t", "source_timestamp", &info, &info.SourceTimestamp));
        lines.Add(Member("dds_sample_info_t", "instance_handle", &info, &info.InstanceHandle));
        lines.Add(Member("dds_sample_info_t", "publication_handle", &info, &info.PublicationHandle));
        lines.Add(Member("dds_sample_info_t", "disposed_generation_count", &info, &info.DisposedGenerationCount));
        lines.Add(Member("dds_sample_info_t", "no_writers_generation_count", &info, &info.NoWritersGenerationCount));
        lines.Add(Member("dds_sample_info_t", "sample_rank", &info, &info.SampleRank));
        lines.Add(Member("dds_sample_info_t", "generation_rank", &info, &info.GenerationRank));
        lines.Add(Member("dds_sample_info_t", "absolute_generation_rank", &info, &info.AbsoluteGenerationRank));

        lines.Add(Size("dds_guid_t", sizeof(DdsGuid)));
        DdsBuiltinTopicEndpoint endpoint = default;
        lines.Add(Size("dds_builtintopic_endpoint_t", sizeof(DdsBuiltinTopicEndpoint)));
        lines.Add(Member("dds_builtintopic_endpoint_t", "key", &endpoint, &endpoint.Key));
        lines.Add(Member("dds_builtintopic_endpoint_t", "participant_key", &endpoint, &endpoint.ParticipantKey));
        lines.Add(Member("dds_builtintopic_endpoint_t", "participant_instance_handle", &endpoint, &endpoint.ParticipantInstanceHandle));
        lines.Add(Member("dds_builtintopic_endpoint_t", "topic_name", &endpoint, &endpoint.TopicName));
        lines.Add(Member("dds_builtintopic_endpoint_t", "type_name", &endpoint, &endpoint.TypeName));
        lines.Add(Member("dds_builtintopic_endpoint_t", "qos", &endpoint, &endpoint.Qos));

        DdsBuiltinTopicParticipant participant = default;
        lines.Add(Size("dds_builtintopic_participant_t", sizeof(DdsBuiltinTopicParticipant)));
        lines.Add(Member("dds_builtintopic_participant_t", "key", &participant, &participant.Key));
        lines.Add(Member("dds_builtintopic_participant_t", "qos", &participant, &participant.Qos));

        DdsIncompatibleQosStatus incompatible = default;
        lines.Add(Size("dds_requested_incompatible_qos_status_t", sizeof(DdsIncompatibleQosStatus)));
        lines.Add(Member("dds_requested_incompatible_qos_status_t", "total_count", &incompatible, &incompatible.TotalCount));
        lines.Add(Member("dds_requested_incompatible_qos_status_t", "total_count_change", &incompatible, &incompatible.TotalCountChange));
        lines.Add(Member("dds_requested_incompatible_qos_status_t", "last_policy_id", &incompatible, &incompatible.LastPolicyId));
        lines.Add(Size("dds_offered_incompatible_qos_status_t", sizeof(DdsIncompatibleQosStatus)));
        lines.Add(Member("dds_offered_incompatible_qos_status_t", "last_policy_id", &incompatible, &incompatible.LastPolicyId));

        DdsMatchedStatus matched = default;
        lines.Add(Size("dds_publication_matched_status_t", sizeof(DdsMatchedStatus)));
        lines.Add(Member("dds_publication_matched_status_t", "total_count", &matched, &matched.TotalCount));
        lines.Add(Member("dds_publication_matched_status_t", "total_count_change", &matched, &matched.TotalCountChange));
        lines.Add(Member("dds_publication_matched_status_t", "current_count", &matched, &matched.CurrentCount));
        lines.Add(Member("dds_publication_matched_status_t", "current_count_change", &matched, &matched.CurrentCountChange));
        lines.Add(Member("dds_publication_matched_status_t", "last_subscription_handle", &matched, &matched.LastHandle));
        lines.Add(Size("dds_subscription_matched_status_t", sizeof(DdsMatchedStatus)));
        lines.Add(Member("dds_subscription_matched_status_t", "last_publication_handle", &matched, &matched.LastHandle));

        lines.Add(Constant("DDS_BUILTIN_TOPIC_DCPSPARTICIPANT", DdsNative.BuiltinTopicDcpsParticipant));
        lines.Add(Constant("DDS_BUILTIN_TOPIC_DCPSPUBLICATION", DdsNative.BuiltinTopicDcpsPublication));
        lines.Add(Constant("DDS_BUILTIN_TOPIC_DCPSSUBSCRIPTION", DdsNative.BuiltinTopicDcpsSubscription));
        lines.Add(Constant("DDS_DATA_AVAILABLE_STATUS", DdsNative.DataAvailableStatus));
        lines.Add(Constant("DDS_OFFERED_INCOMPATIBLE_QOS_STATUS", DdsNative.OfferedIncompatibleQosStatus));
        lines.Add(Constant("DDS_REQUESTED_INCOMPATIBLE_QOS_STATUS", DdsNative.RequestedIncompatibleQosStatus));
        lines.Add(Constant("DDS_PUBLICATION_MATCHED_STATUS", DdsNative.PublicationMatchedStatus));
        lines.Add(Constant("DDS_SUBSCRIPTION_MATCHED_STATUS", DdsNative.SubscriptionMatchedStatus));
        lines.Add(Constant("DDS_ANY_STATE", DdsNative.AnyState));
        lines.Add(Constant("DDS_ALIVE_INSTANCE_STATE", DdsSampleInfo.InstanceAlive));
        lines.Add(Constant("DDSI_SERTYPE_FLAG_TOPICKIND_NO_KEY", DdsNative.SertypeFlagTopicKindNoKey));
        lines.Add(Constant("DDS_DATA_REPRESENTATION_FLAG_XCDR1", DdsNative.DataRepresentationFlagXcdr1));
        lines.Add(Constant("SDK_KEY", DdsSerdata.KindKey));
        lines.Add(Constant("SDK_DATA", DdsSerdata.KindData));
        return lines;
    }

    private static string Size(string name, int size) => $"{name} @size {size}";

    private static string Member<TStruct, TField>(string name, string member, TStruct* start, TField* field)
        where TStruct : unmanaged
        where TField : unmanaged =>
        $"{name} {member} {(byte*)field - (byte*)start}";

    private static string Member<TStruct>(string name, string member, TStruct* start, void* field)
        where TStruct : unmanaged =>
        $"{name} {member} {(byte*)field - (byte*)start}";

    private static string Constant(string name, long value) => $"const {name} {value}";
}
