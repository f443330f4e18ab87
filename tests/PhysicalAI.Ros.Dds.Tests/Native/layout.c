/* Prints the size and member offsets of every Cyclone DDS struct the C# interop mirrors, from the
 * installed headers, one "struct member offset" line each ("struct @size N" for sizes). */
#include <stddef.h>
#include <stdio.h>
#include <dds/dds.h>
#include <dds/ddsi/ddsi_sertype.h>
#include <dds/ddsi/ddsi_serdata.h>
#include <dds/ddsi/q_radmin.h>

#define SIZE(t) printf ("%s @size %zu\n", #t, sizeof (t))
#define OFF(t, m) printf ("%s %s %zu\n", #t, #m, offsetof (t, m))

int main (void)
{
  SIZE (struct ddsi_sertype);
  OFF (struct ddsi_sertype, ops);
  OFF (struct ddsi_sertype, serdata_ops);
  OFF (struct ddsi_sertype, serdata_basehash);
  OFF (struct ddsi_sertype, allowed_data_representation);
  OFF (struct ddsi_sertype, type_name);
  OFF (struct ddsi_sertype, gv);
  OFF (struct ddsi_sertype, flags_refc);
  OFF (struct ddsi_sertype, base_sertype);
  OFF (struct ddsi_sertype, wrapped_sertopic);
  OFF (struct ddsi_sertype, iox_size);

  SIZE (struct ddsi_sertype_ops);
  OFF (struct ddsi_sertype_ops, version);
  OFF (struct ddsi_sertype_ops, arg);
  OFF (struct ddsi_sertype_ops, free);
  OFF (struct ddsi_sertype_ops, zero_samples);
  OFF (struct ddsi_sertype_ops, realloc_samples);
  OFF (struct ddsi_sertype_ops, free_samples);
  OFF (struct ddsi_sertype_ops, equal);
  OFF (struct ddsi_sertype_ops, hash);
  OFF (struct ddsi_sertype_ops, type_id);
  OFF (struct ddsi_sertype_ops, type_map);
  OFF (struct ddsi_sertype_ops, type_info);
  OFF (struct ddsi_sertype_ops, derive_sertype);
  OFF (struct ddsi_sertype_ops, get_serialized_size);
  OFF (struct ddsi_sertype_ops, serialize_into);

  SIZE (struct ddsi_serdata);
  OFF (struct ddsi_serdata, ops);
  OFF (struct ddsi_serdata, hash);
  OFF (struct ddsi_serdata, refc);
  OFF (struct ddsi_serdata, kind);
  OFF (struct ddsi_serdata, type);
  OFF (struct ddsi_serdata, timestamp);
  OFF (struct ddsi_serdata, statusinfo);
  OFF (struct ddsi_serdata, twrite);
  OFF (struct ddsi_serdata, iox_chunk);
  OFF (struct ddsi_serdata, iox_subscriber);

  SIZE (struct ddsi_serdata_ops);
  OFF (struct ddsi_serdata_ops, eqkey);
  OFF (struct ddsi_serdata_ops, get_size);
  OFF (struct ddsi_serdata_ops, from_ser);
  OFF (struct ddsi_serdata_ops, from_ser_iov);
  OFF (struct ddsi_serdata_ops, from_keyhash);
  OFF (struct ddsi_serdata_ops, from_sample);
  OFF (struct ddsi_serdata_ops, to_ser);
  OFF (struct ddsi_serdata_ops, to_ser_ref);
  OFF (struct ddsi_serdata_ops, to_ser_unref);
  OFF (struct ddsi_serdata_ops, to_sample);
  OFF (struct ddsi_serdata_ops, to_untyped);
  OFF (struct ddsi_serdata_ops, untyped_to_sample);
  OFF (struct ddsi_serdata_ops, free);
  OFF (struct ddsi_serdata_ops, print);
  OFF (struct ddsi_serdata_ops, get_keyhash);
  OFF (struct ddsi_serdata_ops, get_sample_size);
  OFF (struct ddsi_serdata_ops, from_iox_buffer);

  printf ("struct nn_rmsg @size %zu\n", sizeof (struct nn_rmsg));
  OFF (struct nn_rdata, rmsg);
  OFF (struct nn_rdata, nextfrag);
  OFF (struct nn_rdata, min);
  OFF (struct nn_rdata, maxp1);
  OFF (struct nn_rdata, submsg_zoff);
  OFF (struct nn_rdata, payload_zoff);
  OFF (struct nn_rdata, keyhash_zoff);

  SIZE (ddsrt_iovec_t);
  OFF (ddsrt_iovec_t, iov_base);
  OFF (ddsrt_iovec_t, iov_len);

  SIZE (dds_sample_info_t);
  OFF (dds_sample_info_t, sample_state);
  OFF (dds_sample_info_t, view_state);
  OFF (dds_sample_info_t, instance_state);
  OFF (dds_sample_info_t, valid_data);
  OFF (dds_sample_info_t, source_timestamp);
  OFF (dds_sample_info_t, instance_handle);
  OFF (dds_sample_info_t, publication_handle);
  OFF (dds_sample_info_t, disposed_generation_count);
  OFF (dds_sample_info_t, no_writers_generation_count);
  OFF (dds_sample_info_t, sample_rank);
  OFF (dds_sample_info_t, generation_rank);
  OFF (dds_sample_info_t, absolute_generation_rank);

  SIZE (dds_guid_t);
  SIZE (dds_builtintopic_endpoint_t);
  OFF (dds_builtintopic_endpoint_t, key);
  OFF (dds_builtintopic_endpoint_t, participant_key);
  OFF (dds_builtintopic_endpoint_t, participant_instance_handle);
  OFF (dds_builtintopic_endpoint_t, topic_name);
  OFF (dds_builtintopic_endpoint_t, type_name);
  OFF (dds_builtintopic_endpoint_t, qos);

  SIZE (dds_builtintopic_participant_t);
  OFF (dds_builtintopic_participant_t, key);
  OFF (dds_builtintopic_participant_t, qos);

  SIZE (dds_requested_incompatible_qos_status_t);
  OFF (dds_requested_incompatible_qos_status_t, total_count);
  OFF (dds_requested_incompatible_qos_status_t, total_count_change);
  OFF (dds_requested_incompatible_qos_status_t, last_policy_id);
  SIZE (dds_offered_incompatible_qos_status_t);
  OFF (dds_offered_incompatible_qos_status_t, last_policy_id);

  SIZE (dds_publication_matched_status_t);
  OFF (dds_publication_matched_status_t, total_count);
  OFF (dds_publication_matched_status_t, total_count_change);
  OFF (dds_publication_matched_status_t, current_count);
  OFF (dds_publication_matched_status_t, current_count_change);
  OFF (dds_publication_matched_status_t, last_subscription_handle);
  SIZE (dds_subscription_matched_status_t);
  OFF (dds_subscription_matched_status_t, last_publication_handle);

  /* Constants mirrored as numbers. */
  printf ("const DDS_BUILTIN_TOPIC_DCPSPARTICIPANT %d\n", (int) DDS_BUILTIN_TOPIC_DCPSPARTICIPANT);
  printf ("const DDS_BUILTIN_TOPIC_DCPSPUBLICATION %d\n", (int) DDS_BUILTIN_TOPIC_DCPSPUBLICATION);
  printf ("const DDS_BUILTIN_TOPIC_DCPSSUBSCRIPTION %d\n", (int) DDS_BUILTIN_TOPIC_DCPSSUBSCRIPTION);
  printf ("const DDS_DATA_AVAILABLE_STATUS %u\n", (unsigned) DDS_DATA_AVAILABLE_STATUS);
  printf ("const DDS_OFFERED_INCOMPATIBLE_QOS_STATUS %u\n", (unsigned) DDS_OFFERED_INCOMPATIBLE_QOS_STATUS);
  printf ("const DDS_REQUESTED_INCOMPATIBLE_QOS_STATUS %u\n", (unsigned) DDS_REQUESTED_INCOMPATIBLE_QOS_STATUS);
  printf ("const DDS_PUBLICATION_MATCHED_STATUS %u\n", (unsigned) DDS_PUBLICATION_MATCHED_STATUS);
  printf ("const DDS_SUBSCRIPTION_MATCHED_STATUS %u\n", (unsigned) DDS_SUBSCRIPTION_MATCHED_STATUS);
  printf ("const DDS_ANY_STATE %u\n", (unsigned) DDS_ANY_STATE);
  printf ("const DDS_ALIVE_INSTANCE_STATE %u\n", (unsigned) DDS_ALIVE_INSTANCE_STATE);
  printf ("const DDSI_SERTYPE_FLAG_TOPICKIND_NO_KEY %u\n", (unsigned) DDSI_SERTYPE_FLAG_TOPICKIND_NO_KEY);
  printf ("const DDS_DATA_REPRESENTATION_FLAG_XCDR1 %u\n", (unsigned) DDS_DATA_REPRESENTATION_FLAG_XCDR1);
  printf ("const SDK_KEY %d\n", (int) SDK_KEY);
  printf ("const SDK_DATA %d\n", (int) SDK_DATA);
  return 0;
}
