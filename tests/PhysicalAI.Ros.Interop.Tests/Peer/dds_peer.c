/*
 * An independent ROS 2 peer on the wire: plain Cyclone DDS with idlc-generated types, talking to our
 * nodes over the network in another process, the way a ROS 2 node on rmw_cyclonedds_cpp would.
 *
 *   dds_peer sub TYPE TOPIC COUNT TIMEOUT_S
 *       Subscribe to ROS topic TOPIC (DDS topic rt/TOPIC). Print how the publication was discovered
 *       ("publication topic=... type=..."), then, for each of COUNT samples, whether it equals the
 *       reference sample of TYPE ("sample N match|mismatch"). Exit 0 when all COUNT matched.
 *   dds_peer pub TYPE TOPIC COUNT [best_effort]
 *       Wait for a matching reader, publish the reference sample COUNT times (50 ms apart), wait for
 *       acknowledgements. Reliable unless best_effort is given.
 *
 * The domain comes from ROS_DOMAIN_ID, the network configuration from CYCLONEDDS_URI.
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
  fprintf (stderr, "dds_peer: %s\n", what);
  fflush (stdout);
  exit (2);
}

static dds_entity_t make_participant (void)
{
  const char *domain = getenv ("ROS_DOMAIN_ID");
  dds_entity_t pp = dds_create_participant (domain ? (dds_domainid_t) atoi (domain) : 0, NULL, NULL);
  if (pp < 0) die ("dds_create_participant failed");
  return pp;
}

/* The DDS topic rt/TOPIC for ROS topic TOPIC (with or without its leading slash). */
static dds_entity_t make_topic (dds_entity_t pp, const struct peer_type *t, const char *topic, char *ddstopic, size_t size)
{
  snprintf (ddstopic, size, "rt/%s", topic[0] == '/' ? topic + 1 : topic);
  dds_entity_t tp = dds_create_topic (pp, t->desc, ddstopic, NULL, NULL);
  if (tp < 0) die ("dds_create_topic failed");
  return tp;
}

/* Reliable (unless best_effort) keep-all QoS, as the tests' endpoints use. */
static dds_qos_t *make_qos (int best_effort)
{
  dds_qos_t *qos = dds_create_qos ();
  dds_qset_reliability (qos, best_effort ? DDS_RELIABILITY_BEST_EFFORT : DDS_RELIABILITY_RELIABLE, DDS_INFINITY);
  dds_qset_history (qos, DDS_HISTORY_KEEP_ALL, 0);
  return qos;
}

/* The serialized form (body only, native byte order) of a sample, for comparing two samples by value. */
static void serialize (const struct ddsi_sertype *type, const void *sample, dds_ostream_t *os)
{
  dds_ostream_init (os, 0, CDR_ENC_VERSION_1);
  if (!dds_stream_write_sample (os, sample, (const struct ddsi_sertype_default *) type))
    die ("serialization failed");
}

static void print_publications (dds_entity_t pp, const char *ddstopic)
{
  dds_entity_t rd = dds_create_reader (pp, DDS_BUILTIN_TOPIC_DCPSPUBLICATION, NULL, NULL);
  for (int attempt = 0; attempt < 100; attempt++)
  {
    void *buf[16] = { NULL };
    dds_sample_info_t si[16];
    int n = dds_read (rd, buf, si, 16, 16);
    int found = 0;
    for (int i = 0; i < n; i++)
    {
      const dds_builtintopic_endpoint_t *e = buf[i];
      if (si[i].valid_data && strcmp (e->topic_name, ddstopic) == 0)
      {
        printf ("publication topic=%s type=%s\n", e->topic_name, e->type_name);
        found = 1;
      }
    }
    if (n > 0) dds_return_loan (rd, buf, n);
    if (found) break;
    dds_sleepfor (DDS_MSECS (50));
  }
  fflush (stdout);
  dds_delete (rd);
}

static int run_sub (const struct peer_type *t, const char *topic, int count, int timeout_s)
{
  char ddstopic[256];
  dds_entity_t pp = make_participant ();
  dds_entity_t tp = make_topic (pp, t, topic, ddstopic, sizeof (ddstopic));
  dds_qos_t *qos = make_qos (0);
  dds_entity_t rd = dds_create_reader (pp, tp, qos, NULL);
  dds_delete_qos (qos);
  if (rd < 0) die ("dds_create_reader failed");
  printf ("ready\n");
  fflush (stdout);

  const void *reference = t->make ();
  dds_ostream_t expected;
  int got = 0, matched = 0, printed = 0;
  struct ddsi_sertype const *type = NULL;
  dds_entity_t ws = dds_create_waitset (pp);
  dds_entity_t rc = dds_create_readcondition (rd, DDS_ANY_STATE);
  dds_waitset_attach (ws, rc, 0);
  dds_time_t deadline = dds_time () + DDS_SECS (timeout_s);
  while (got < count && dds_time () < deadline)
  {
    dds_waitset_wait_until (ws, NULL, 0, deadline);
    struct ddsi_serdata *sd = NULL;
    dds_sample_info_t si;
    while (got < count && dds_takecdr (rd, &sd, 1, &si, DDS_ANY_STATE) == 1)
    {
      if (si.valid_data)
      {
        if (!printed)
        {
          print_publications (pp, ddstopic);
          printed = 1;
        }
        if (type == NULL)
        {
          type = sd->type;
          serialize (type, reference, &expected);
        }
        /* Decode with Cyclone into its own C struct, then compare by value with the reference. */
        void *decoded = dds_alloc (t->desc->m_size);
        memset (decoded, 0, t->desc->m_size);
        if (!ddsi_serdata_to_sample (sd, decoded, NULL, NULL)) die ("ddsi_serdata_to_sample failed");
        dds_ostream_t actual;
        serialize (type, decoded, &actual);
        int same = actual.m_index == expected.m_index && memcmp (actual.m_buffer, expected.m_buffer, actual.m_index) == 0;
        got++;
        matched += same;
        printf ("sample %d %s (%u bytes)\n", got, same ? "match" : "mismatch", actual.m_index);
        fflush (stdout);
        dds_ostream_fini (&actual);
        dds_sample_free (decoded, t->desc, DDS_FREE_ALL);
      }
      ddsi_serdata_unref (sd);
    }
  }
  printf ("received %d matched %d\n", got, matched);
  fflush (stdout);
  dds_delete (pp);
  return (got == count && matched == count) ? 0 : 1;
}

static int run_pub (const struct peer_type *t, const char *topic, int count, int best_effort)
{
  char ddstopic[256];
  dds_entity_t pp = make_participant ();
  dds_entity_t tp = make_topic (pp, t, topic, ddstopic, sizeof (ddstopic));
  dds_qos_t *qos = make_qos (best_effort);
  dds_entity_t wr = dds_create_writer (pp, tp, qos, NULL);
  dds_delete_qos (qos);
  if (wr < 0) die ("dds_create_writer failed");
  printf ("ready\n");
  fflush (stdout);

  dds_publication_matched_status_t st;
  dds_time_t deadline = dds_time () + DDS_SECS (15);
  do
  {
    dds_get_publication_matched_status (wr, &st);
    if (st.current_count > 0) break;
    dds_sleepfor (DDS_MSECS (20));
  } while (dds_time () < deadline);
  printf ("matched %u\n", st.current_count);
  fflush (stdout);

  /* Give the reader's side time to match this writer too before the first sample. */
  dds_sleepfor (DDS_MSECS (300));
  const void *sample = t->make ();
  for (int i = 0; i < count; i++)
  {
    if (dds_write (wr, sample) != DDS_RETCODE_OK) die ("dds_write failed");
    dds_sleepfor (DDS_MSECS (50));
  }
  dds_wait_for_acks (wr, DDS_SECS (10));
  printf ("published %d\n", count);
  fflush (stdout);
  dds_sleepfor (DDS_MSECS (200));
  dds_delete (pp);
  return st.current_count > 0 ? 0 : 1;
}

int main (int argc, char **argv)
{
  if (argc < 5) die ("usage: dds_peer sub TYPE TOPIC COUNT TIMEOUT_S | pub TYPE TOPIC COUNT [best_effort]");
  const struct peer_type *t = peer_type_find (argv[2]);
  if (t == NULL) die ("unknown type");
  if (strcmp (argv[1], "sub") == 0 && argc >= 6)
    return run_sub (t, argv[3], atoi (argv[4]), atoi (argv[5]));
  if (strcmp (argv[1], "pub") == 0)
    return run_pub (t, argv[3], atoi (argv[4]), argc >= 6 && strcmp (argv[5], "best_effort") == 0);
  die ("unknown mode");
  return 2;
}
