/*
 * A hostile peer: writes COUNT samples of random bytes under JointState's DDS type name on ROS topic
 * TOPIC, so every sample is malformed CDR for a real JointState reader.
 *
 *   garbage_peer TOPIC COUNT SEED
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dds/dds.h>
#include "garbage_types.h"

int main (int argc, char **argv)
{
  if (argc < 4) { fprintf (stderr, "usage: garbage_peer TOPIC COUNT SEED\n"); return 2; }
  const char *topic = argv[1];
  int count = atoi (argv[2]);
  srand ((unsigned) atoi (argv[3]));
  char ddstopic[256];
  snprintf (ddstopic, sizeof (ddstopic), "rt/%s", topic[0] == '/' ? topic + 1 : topic);
  const char *domain = getenv ("ROS_DOMAIN_ID");
  dds_entity_t pp = dds_create_participant (domain ? (dds_domainid_t) atoi (domain) : 0, NULL, NULL);
  dds_entity_t tp = dds_create_topic (pp, &sensor_msgs_msg_dds__JointState__desc, ddstopic, NULL, NULL);
  dds_qos_t *qos = dds_create_qos ();
  dds_qset_reliability (qos, DDS_RELIABILITY_RELIABLE, DDS_INFINITY);
  dds_qset_history (qos, DDS_HISTORY_KEEP_ALL, 0);
  dds_entity_t wr = dds_create_writer (pp, tp, qos, NULL);
  dds_delete_qos (qos);
  if (pp < 0 || tp < 0 || wr < 0) { fprintf (stderr, "garbage_peer: DDS setup failed\n"); return 2; }

  dds_publication_matched_status_t st;
  dds_time_t deadline = dds_time () + DDS_SECS (15);
  do
  {
    dds_get_publication_matched_status (wr, &st);
    if (st.current_count > 0) break;
    dds_sleepfor (DDS_MSECS (20));
  } while (dds_time () < deadline);
  dds_sleepfor (DDS_MSECS (300));

  sensor_msgs_msg_dds__JointState_ junk;
  unsigned char bytes[300];
  for (int i = 0; i < count; i++)
  {
    size_t n = (size_t) (rand () % (int) sizeof (bytes));
    for (size_t k = 0; k < n; k++) bytes[k] = (unsigned char) rand ();
    /* Some samples claim enormous lengths right where a reader expects one. */
    if (i % 3 == 0 && n >= 16) { bytes[12] = 0xff; bytes[13] = 0xff; bytes[14] = 0xff; bytes[15] = 0x7f; }
    junk.junk._buffer = bytes;
    junk.junk._length = junk.junk._maximum = (uint32_t) n;
    junk.junk._release = false;
    dds_write (wr, &junk);
  }
  dds_wait_for_acks (wr, DDS_SECS (10));
  printf ("matched %u wrote %d\n", st.current_count, count);
  fflush (stdout);
  dds_delete (pp);
  return st.current_count > 0 ? 0 : 1;
}
