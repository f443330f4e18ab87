/*
 * An independent CDR peer: Cyclone DDS's own serializer, driven by idlc-generated types.
 *
 *   cdr_peer encode    TYPE OUT   write Cyclone's serialized form of the reference sample of TYPE
 *                                 (what its writer puts on the wire: header, body, announced padding)
 *   cdr_peer encode-be TYPE OUT   write the same sample as big-endian CDR (header 00 00 00 00)
 *   cdr_peer decode    TYPE IN OUT  read IN with Cyclone's deserializer (either byte order) and write
 *                                 the decoded sample re-serialized as in "encode"; exit 3 if rejected
 *
 * The reference samples (ros_samples.c) and the C# tests (CdrPeerSamples.cs) describe the same values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dds/dds.h>
#include <dds/ddsi/ddsi_serdata.h>
#include <dds/ddsi/ddsi_serdata_default.h>
#include <dds/ddsi/ddsi_cdrstream.h>
#include <dds/ddsi/q_protocol.h>
#include "ros_samples.h"

static void die (const char *what)
{
  fprintf (stderr, "cdr_peer: %s\n", what);
  exit (2);
}

static void write_file (const char *path, const void *data, size_t size)
{
  FILE *f = fopen (path, "wb");
  if (f == NULL || fwrite (data, 1, size, f) != size || fclose (f) != 0)
    die ("cannot write output file");
}

static void *read_file (const char *path, size_t *size)
{
  FILE *f = fopen (path, "rb");
  if (f == NULL) die ("cannot open input file");
  fseek (f, 0, SEEK_END);
  long n = ftell (f);
  fseek (f, 0, SEEK_SET);
  void *buf = malloc ((size_t) n + 1);
  if (buf == NULL || fread (buf, 1, (size_t) n, f) != (size_t) n) die ("cannot read input file");
  fclose (f);
  *size = (size_t) n;
  return buf;
}

static void write_serdata (const char *path, struct ddsi_serdata *d)
{
  size_t size = ddsi_serdata_size (d);
  void *buf = malloc (size);
  ddsi_serdata_to_ser (d, 0, size, buf);
  write_file (path, buf, size);
  free (buf);
}

/* Writes the sample through a local writer and takes it back as Cyclone serialized it. */
static struct ddsi_serdata *serialize_through_cyclone (dds_entity_t pp, const struct peer_type *t, const void *sample)
{
  char topic_name[128];
  snprintf (topic_name, sizeof (topic_name), "cdr_peer_%s", t->desc->m_typename);
  for (char *c = topic_name; *c; c++) if (*c == ':') *c = '_';
  dds_entity_t topic = dds_create_topic (pp, t->desc, topic_name, NULL, NULL);
  if (topic < 0) die ("dds_create_topic failed");
  dds_qos_t *qos = dds_create_qos ();
  dds_qset_reliability (qos, DDS_RELIABILITY_RELIABLE, DDS_INFINITY);
  dds_qset_history (qos, DDS_HISTORY_KEEP_LAST, 1);
  dds_entity_t rd = dds_create_reader (pp, topic, qos, NULL);
  dds_entity_t wr = dds_create_writer (pp, topic, qos, NULL);
  dds_delete_qos (qos);
  if (rd < 0 || wr < 0) die ("cannot create reader/writer");
  if (dds_write (wr, sample) != DDS_RETCODE_OK) die ("dds_write failed");
  struct ddsi_serdata *d = NULL;
  dds_sample_info_t si;
  for (int attempt = 0; attempt < 1000; attempt++) {
    if (dds_takecdr (rd, &d, 1, &si, DDS_ANY_STATE) == 1 && si.valid_data)
      return d;
    dds_sleepfor (DDS_MSECS (1));
  }
  die ("sample did not arrive at the local reader");
  return NULL;
}

int main (int argc, char **argv)
{
  if (argc < 4) die ("usage: cdr_peer encode|encode-be TYPE OUT | decode TYPE IN OUT");
  const struct peer_type *t = peer_type_find (argv[2]);
  if (t == NULL) die ("unknown type");

  /* No discovery and no multicast: this process only talks to itself. */
  setenv ("CYCLONEDDS_URI",
          "<CycloneDDS><Domain><General><Interfaces><NetworkInterface address=\"127.0.0.1\"/></Interfaces>"
          "<AllowMulticast>false</AllowMulticast></General><Discovery><ParticipantIndex>none</ParticipantIndex></Discovery></Domain></CycloneDDS>", 1);
  dds_entity_t pp = dds_create_participant (DDS_DOMAIN_DEFAULT, NULL, NULL);
  if (pp < 0) die ("dds_create_participant failed");

  void *sample = t->make ();
  struct ddsi_serdata *reference = serialize_through_cyclone (pp, t, sample);

  if (strcmp (argv[1], "encode") == 0) {
    write_serdata (argv[3], reference);
  } else if (strcmp (argv[1], "encode-be") == 0) {
    dds_ostreamBE_t os;
    dds_ostreamBE_init (&os, 0, CDR_ENC_VERSION_1);
    if (!dds_stream_write_sampleBE (&os, sample, (const struct ddsi_sertype_default *) reference->type))
      die ("big-endian serialization failed");
    size_t size = 4 + os.x.m_index;
    unsigned char *buf = calloc (1, size);
    memcpy (buf + 4, os.x.m_buffer, os.x.m_index);
    write_file (argv[3], buf, size);
    free (buf);
    dds_ostreamBE_fini (&os);
  } else if (strcmp (argv[1], "decode") == 0 && argc >= 5) {
    size_t size;
    void *input = read_file (argv[3], &size);
    ddsrt_iovec_t iov = { .iov_base = input, .iov_len = size };
    struct ddsi_serdata *decoded = ddsi_serdata_from_ser_iov (reference->type, SDK_DATA, 1, &iov, size);
    if (decoded == NULL) {
      fprintf (stderr, "cdr_peer: Cyclone rejected the %zu-byte payload\n", size);
      return 3;
    }
    void *copy = dds_alloc (t->desc->m_size);
    memset (copy, 0, t->desc->m_size);
    if (!ddsi_serdata_to_sample (decoded, copy, NULL, NULL)) die ("ddsi_serdata_to_sample failed");
    struct ddsi_serdata *again = ddsi_serdata_from_sample (reference->type, SDK_DATA, copy);
    write_serdata (argv[4], again);
    ddsi_serdata_unref (again);
    ddsi_serdata_unref (decoded);
    dds_sample_free (copy, t->desc, DDS_FREE_ALL);
    free (input);
  } else {
    die ("unknown mode");
  }

  ddsi_serdata_unref (reference);
  dds_delete (pp);
  return 0;
}
