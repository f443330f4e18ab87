/*
 * An independent ROS 2 service and logging peer: plain Cyclone DDS with idlc-generated rcl_interfaces and
 * std_srvs types, speaking rmw_cyclonedds_cpp's service protocol (rq/NAMERequest and rr/NAMEReply topics,
 * the request header in front of every request and reply, clientid/serviceid in USER_DATA).
 *
 *   service_peer params NODE
 *       Drive NODE's six parameter services through a fixed script and print each answer (see run_params).
 *   service_peer trigger SERVICE
 *       Call std_srvs/srv/Trigger SERVICE twice; print "reply seq=N success=B message=M" for each.
 *   service_peer serve SERVICE COUNT TIMEOUT_S
 *       Serve std_srvs/srv/SetBool SERVICE: reply success=data, message "peer saw true|false ✓",
 *       to COUNT requests; print "request seq=N data=B" for each.
 *   service_peer listen NODE TIMEOUT_S
 *       Print /rosout messages of NODE's logger ("rosout level=L name=N msg=M") and /parameter_events of
 *       NODE ("event node=N new=[..] changed=[..] deleted=[..]") until TIMEOUT_S passes.
 *
 * Values print as "TYPE:TEXT": doubles as the hex of their IEEE bits, so comparisons are exact.
 * The domain comes from ROS_DOMAIN_ID, the network configuration from CYCLONEDDS_URI.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dds/dds.h>
#include "service_types.h"

#define CALL_TIMEOUT DDS_SECS (30)

struct header { uint64_t guid; int64_t seq; };

struct client
{
  dds_entity_t writer, reader, waitset;
  dds_instance_handle_t writer_handle;
  int64_t seq;
  const dds_topic_descriptor_t *reply_type;
};

static void die (const char *what, const char *detail)
{
  fprintf (stderr, "service_peer: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  fflush (stdout);
  exit (2);
}

static dds_entity_t make_participant (void)
{
  const char *domain = getenv ("ROS_DOMAIN_ID");
  dds_entity_t pp = dds_create_participant (domain ? (dds_domainid_t) atoi (domain) : 0, NULL, NULL);
  if (pp < 0) die ("dds_create_participant failed", NULL);
  return pp;
}

/* rmw_cyclonedds' service QoS (services_default: reliable, volatile, keep last 10) and pairing id. */
static dds_qos_t *service_qos (const char *key, int id)
{
  char userdata[64];
  dds_qos_t *qos = dds_create_qos ();
  dds_qset_reliability (qos, DDS_RELIABILITY_RELIABLE, DDS_SECS (1));
  dds_qset_history (qos, DDS_HISTORY_KEEP_LAST, 10);
  int n = snprintf (userdata, sizeof (userdata), "%s=c0.ff.ee.%02x;", key, id);
  dds_qset_userdata (qos, userdata, (size_t) n);
  return qos;
}

static dds_entity_t make_topic (dds_entity_t pp, const dds_topic_descriptor_t *type, const char *prefix, const char *service, const char *suffix)
{
  char name[512];
  snprintf (name, sizeof (name), "%s%s%s", prefix, service, suffix);
  dds_entity_t tp = dds_create_topic (pp, type, name, NULL, NULL);
  if (tp < 0) die ("dds_create_topic failed", name);
  return tp;
}

static int matched (dds_entity_t writer, dds_entity_t reader)
{
  dds_publication_matched_status_t pub;
  dds_subscription_matched_status_t sub;
  dds_get_publication_matched_status (writer, &pub);
  dds_get_subscription_matched_status (reader, &sub);
  return pub.current_count > 0 && sub.current_count > 0;
}

static void client_init (struct client *c, dds_entity_t pp, const char *service, const dds_topic_descriptor_t *request, const dds_topic_descriptor_t *reply)
{
  static int next_id = 1;
  int id = next_id++;
  dds_qos_t *qos = service_qos ("clientid", id);
  c->writer = dds_create_writer (pp, make_topic (pp, request, "rq", service, "Request"), qos, NULL);
  c->reader = dds_create_reader (pp, make_topic (pp, reply, "rr", service, "Reply"), qos, NULL);
  dds_delete_qos (qos);
  if (c->writer < 0 || c->reader < 0) die ("creating the client's endpoints failed", service);
  if (dds_get_instance_handle (c->writer, &c->writer_handle) != DDS_RETCODE_OK) die ("dds_get_instance_handle failed", NULL);
  c->seq = 0;
  c->reply_type = reply;
  c->waitset = dds_create_waitset (pp);
  dds_waitset_attach (c->waitset, dds_create_readcondition (c->reader, DDS_ANY_STATE), 0);
  dds_time_t deadline = dds_time () + CALL_TIMEOUT;
  while (!matched (c->writer, c->reader))
  {
    if (dds_time () > deadline) die ("the service did not appear", service);
    dds_sleepfor (DDS_MSECS (20));
  }
  /* The server learns of our reply reader a moment after we learn of its writer. */
  dds_sleepfor (DDS_MSECS (300));
}

/* Sends request (whose first two members are the header) and returns the reply with the same header. */
static void *client_call (struct client *c, void *request)
{
  struct header *h = request;
  h->guid = c->writer_handle;
  h->seq = ++c->seq;
  if (dds_write (c->writer, request) != DDS_RETCODE_OK) die ("dds_write failed", NULL);
  dds_time_t deadline = dds_time () + CALL_TIMEOUT;
  while (dds_time () < deadline)
  {
    dds_waitset_wait_until (c->waitset, NULL, 0, deadline);
    void *reply = dds_alloc (c->reply_type->m_size);
    memset (reply, 0, c->reply_type->m_size);
    void *samples[1] = { reply };
    dds_sample_info_t info;
    while (dds_take (c->reader, samples, &info, 1, 1) == 1)
    {
      const struct header *rh = reply;
      if (info.valid_data && rh->guid == h->guid && rh->seq == h->seq)
        return reply;
      printf ("ignored reply guid=%" PRIx64 " seq=%" PRId64 "\n", rh->guid, rh->seq);
    }
    dds_sample_free (reply, c->reply_type, DDS_FREE_ALL);
  }
  die ("no reply", NULL);
  return NULL;
}

/* ---- values ---------------------------------------------------------------------------------------- */

static char *dup_string (const char *s) { return dds_string_dup (s); }

static void print_double (double d)
{
  uint64_t bits;
  memcpy (&bits, &d, sizeof (bits));
  printf ("%016" PRIx64, bits);
}

static void print_value (const rcl_interfaces_msg_dds__ParameterValue_ *v)
{
  printf ("%u:", v->type);
  switch (v->type)
  {
    case 1: printf ("%s", v->bool_value ? "true" : "false"); break;
    case 2: printf ("%" PRId64, v->integer_value); break;
    case 3: print_double (v->double_value); break;
    case 4: printf ("%s", v->string_value); break;
    case 5: for (uint32_t i = 0; i < v->byte_array_value._length; i++) printf ("%s%02x", i ? "," : "", v->byte_array_value._buffer[i]); break;
    case 6: for (uint32_t i = 0; i < v->bool_array_value._length; i++) printf ("%s%s", i ? "," : "", v->bool_array_value._buffer[i] ? "true" : "false"); break;
    case 7: for (uint32_t i = 0; i < v->integer_array_value._length; i++) printf ("%s%" PRId64, i ? "," : "", v->integer_array_value._buffer[i]); break;
    case 8: for (uint32_t i = 0; i < v->double_array_value._length; i++) { printf ("%s", i ? "," : ""); print_double (v->double_array_value._buffer[i]); } break;
    case 9: for (uint32_t i = 0; i < v->string_array_value._length; i++) printf ("%s%s", i ? "|" : "", v->string_array_value._buffer[i]); break;
    default: break;
  }
}

static void set_name (rcl_interfaces_msg_dds__Parameter_ *p, const char *name, uint8_t type)
{
  memset (p, 0, sizeof (*p));
  p->name = dup_string (name);
  p->value.type = type;
  p->value.string_value = dup_string ("");
}

/* The values the script sets, one of each parameter type. */
static void fill_new_values (dds_sequence_rcl_interfaces_msg_dds__Parameter_ *seq)
{
  static const char *names[] = { "b", "i", "d", "s", "ba", "bb", "ia", "da", "sa" };
  seq->_length = seq->_maximum = 9;
  seq->_buffer = dds_alloc (9 * sizeof (rcl_interfaces_msg_dds__Parameter_));
  seq->_release = true;
  for (int k = 0; k < 9; k++) set_name (&seq->_buffer[k], names[k], (uint8_t) (k + 1));
  rcl_interfaces_msg_dds__ParameterValue_ *v;
  v = &seq->_buffer[0].value; v->bool_value = false;
  v = &seq->_buffer[1].value; v->integer_value = -1234567890123LL;
  v = &seq->_buffer[2].value; v->double_value = 1.0 / 3.0;
  v = &seq->_buffer[3].value; dds_free (v->string_value); v->string_value = dup_string ("gr\xc3\xbc\xc3\x9f" "e \xe2\x9c\x93");
  v = &seq->_buffer[4].value;
  {
    static const uint8_t bytes[] = { 0, 127, 128, 255 };
    v->byte_array_value._length = v->byte_array_value._maximum = 4;
    v->byte_array_value._buffer = dds_alloc (4);
    memcpy (v->byte_array_value._buffer, bytes, 4);
    v->byte_array_value._release = true;
  }
  v = &seq->_buffer[5].value;
  {
    v->bool_array_value._length = v->bool_array_value._maximum = 3;
    v->bool_array_value._buffer = dds_alloc (3 * sizeof (bool));
    v->bool_array_value._buffer[0] = true; v->bool_array_value._buffer[1] = false; v->bool_array_value._buffer[2] = true;
    v->bool_array_value._release = true;
  }
  v = &seq->_buffer[6].value;
  {
    v->integer_array_value._length = v->integer_array_value._maximum = 3;
    v->integer_array_value._buffer = dds_alloc (3 * sizeof (int64_t));
    v->integer_array_value._buffer[0] = INT64_MIN; v->integer_array_value._buffer[1] = 0; v->integer_array_value._buffer[2] = INT64_MAX;
    v->integer_array_value._release = true;
  }
  v = &seq->_buffer[7].value;
  {
    v->double_array_value._length = v->double_array_value._maximum = 3;
    v->double_array_value._buffer = dds_alloc (3 * sizeof (double));
    v->double_array_value._buffer[0] = -0.0; v->double_array_value._buffer[1] = 1e308; v->double_array_value._buffer[2] = 5e-324;
    v->double_array_value._release = true;
  }
  v = &seq->_buffer[8].value;
  {
    v->string_array_value._length = v->string_array_value._maximum = 3;
    v->string_array_value._buffer = dds_alloc (3 * sizeof (char *));
    v->string_array_value._buffer[0] = dup_string ("");
    v->string_array_value._buffer[1] = dup_string ("a b");
    v->string_array_value._buffer[2] = dup_string ("\xc3\xbc");
    v->string_array_value._release = true;
  }
}

static void one_int (dds_sequence_rcl_interfaces_msg_dds__Parameter_ *seq, int index, const char *name, int64_t value)
{
  set_name (&seq->_buffer[index], name, 2);
  seq->_buffer[index].value.integer_value = value;
}

static void set_names (dds_sequence_string *seq, int n, const char **names)
{
  seq->_length = seq->_maximum = (uint32_t) n;
  seq->_buffer = dds_alloc ((size_t) n * sizeof (char *));
  seq->_release = true;
  for (int i = 0; i < n; i++) seq->_buffer[i] = dup_string (names[i]);
}

static void print_set_results (const dds_sequence_rcl_interfaces_msg_dds__Parameter_ *sent, const dds_sequence_rcl_interfaces_msg_dds__SetParametersResult_ *results)
{
  for (uint32_t i = 0; i < results->_length && i < sent->_length; i++)
    printf ("set %s %s %s\n", sent->_buffer[i].name, results->_buffer[i].successful ? "ok" : "fail", results->_buffer[i].reason);
}

/* ---- modes ----------------------------------------------------------------------------------------- */

static int run_params (const char *node)
{
  static const char *typed[] = { "b", "i", "d", "s", "ba", "bb", "ia", "da", "sa" };
  char service[400];
  dds_entity_t pp = make_participant ();
  struct client list, get, types, set, atomic, describe;
#define CLIENT(c, suffix, T) snprintf (service, sizeof (service), "%s/" suffix, node); \
  client_init (&c, pp, service, &rcl_interfaces_srv_dds__##T##_Request__desc, &rcl_interfaces_srv_dds__##T##_Response__desc)
  CLIENT (list, "list_parameters", ListParameters);
  CLIENT (get, "get_parameters", GetParameters);
  CLIENT (types, "get_parameter_types", GetParameterTypes);
  CLIENT (set, "set_parameters", SetParameters);
  CLIENT (atomic, "set_parameters_atomically", SetParametersAtomically);
  CLIENT (describe, "describe_parameters", DescribeParameters);
#undef CLIENT
  printf ("ready\n");
  fflush (stdout);

  /* 1. list everything */
  {
    rcl_interfaces_srv_dds__ListParameters_Request_ rq = { 0 };
    rcl_interfaces_srv_dds__ListParameters_Response_ *rp = client_call (&list, &rq);
    printf ("list");
    for (uint32_t i = 0; i < rp->result.names._length; i++) printf ("%s%s", i ? "," : " ", rp->result.names._buffer[i]);
    printf ("\n");
    dds_sample_free (rp, &rcl_interfaces_srv_dds__ListParameters_Response__desc, DDS_FREE_ALL);
  }
  /* 2. get one of each type, as the node declared them */
  {
    rcl_interfaces_srv_dds__GetParameters_Request_ rq = { 0 };
    set_names (&rq.names, 9, typed);
    rcl_interfaces_srv_dds__GetParameters_Response_ *rp = client_call (&get, &rq);
    for (uint32_t i = 0; i < rp->values._length; i++) { printf ("get %s ", typed[i]); print_value (&rp->values._buffer[i]); printf ("\n"); }
    dds_sample_free (rp, &rcl_interfaces_srv_dds__GetParameters_Response__desc, DDS_FREE_ALL);
    dds_sample_free (&rq, &rcl_interfaces_srv_dds__GetParameters_Request__desc, DDS_FREE_CONTENTS);
  }
  /* 3. their types */
  {
    rcl_interfaces_srv_dds__GetParameterTypes_Request_ rq = { 0 };
    set_names (&rq.names, 9, typed);
    rcl_interfaces_srv_dds__GetParameterTypes_Response_ *rp = client_call (&types, &rq);
    printf ("types");
    for (uint32_t i = 0; i < rp->types._length; i++) printf ("%s%u", i ? "," : " ", rp->types._buffer[i]);
    printf ("\n");
    dds_sample_free (rp, &rcl_interfaces_srv_dds__GetParameterTypes_Response__desc, DDS_FREE_ALL);
    dds_sample_free (&rq, &rcl_interfaces_srv_dds__GetParameterTypes_Request__desc, DDS_FREE_CONTENTS);
  }
  /* 4. set new values of every type */
  {
    rcl_interfaces_srv_dds__SetParameters_Request_ rq = { 0 };
    fill_new_values (&rq.parameters);
    rcl_interfaces_srv_dds__SetParameters_Response_ *rp = client_call (&set, &rq);
    print_set_results (&rq.parameters, &rp->results);
    dds_sample_free (rp, &rcl_interfaces_srv_dds__SetParameters_Response__desc, DDS_FREE_ALL);
    dds_sample_free (&rq, &rcl_interfaces_srv_dds__SetParameters_Request__desc, DDS_FREE_CONTENTS);
  }
  /* 5. values the node must refuse: out of range, read-only, undeclared, wrong type */
  {
    rcl_interfaces_srv_dds__SetParameters_Request_ rq = { 0 };
    rq.parameters._length = rq.parameters._maximum = 4;
    rq.parameters._buffer = dds_alloc (4 * sizeof (rcl_interfaces_msg_dds__Parameter_));
    rq.parameters._release = true;
    one_int (&rq.parameters, 0, "limited", 3);
    one_int (&rq.parameters, 1, "ro", 1);
    one_int (&rq.parameters, 2, "undeclared", 1);
    one_int (&rq.parameters, 3, "s", 1);
    rcl_interfaces_srv_dds__SetParameters_Response_ *rp = client_call (&set, &rq);
    print_set_results (&rq.parameters, &rp->results);
    dds_sample_free (rp, &rcl_interfaces_srv_dds__SetParameters_Response__desc, DDS_FREE_ALL);
    dds_sample_free (&rq, &rcl_interfaces_srv_dds__SetParameters_Request__desc, DDS_FREE_CONTENTS);
  }
  /* 6. atomically: a good value with a bad one changes nothing */
  {
    rcl_interfaces_srv_dds__SetParametersAtomically_Request_ rq = { 0 };
    rq.parameters._length = rq.parameters._maximum = 2;
    rq.parameters._buffer = dds_alloc (2 * sizeof (rcl_interfaces_msg_dds__Parameter_));
    rq.parameters._release = true;
    one_int (&rq.parameters, 0, "i", 7);
    one_int (&rq.parameters, 1, "limited", 3);
    rcl_interfaces_srv_dds__SetParametersAtomically_Response_ *rp = client_call (&atomic, &rq);
    printf ("atomic %s %s\n", rp->result.successful ? "ok" : "fail", rp->result.reason);
    dds_sample_free (rp, &rcl_interfaces_srv_dds__SetParametersAtomically_Response__desc, DDS_FREE_ALL);
    dds_sample_free (&rq, &rcl_interfaces_srv_dds__SetParametersAtomically_Request__desc, DDS_FREE_CONTENTS);
  }
  /* 7. read back what step 4 set (and step 6 must not have changed) */
  {
    rcl_interfaces_srv_dds__GetParameters_Request_ rq = { 0 };
    set_names (&rq.names, 9, typed);
    rcl_interfaces_srv_dds__GetParameters_Response_ *rp = client_call (&get, &rq);
    for (uint32_t i = 0; i < rp->values._length; i++) { printf ("after %s ", typed[i]); print_value (&rp->values._buffer[i]); printf ("\n"); }
    dds_sample_free (rp, &rcl_interfaces_srv_dds__GetParameters_Response__desc, DDS_FREE_ALL);
    dds_sample_free (&rq, &rcl_interfaces_srv_dds__GetParameters_Request__desc, DDS_FREE_CONTENTS);
  }
  /* 8. describe the ranged and the read-only parameter */
  {
    static const char *names[] = { "limited", "ro" };
    rcl_interfaces_srv_dds__DescribeParameters_Request_ rq = { 0 };
    set_names (&rq.names, 2, names);
    rcl_interfaces_srv_dds__DescribeParameters_Response_ *rp = client_call (&describe, &rq);
    for (uint32_t i = 0; i < rp->descriptors._length; i++)
    {
      const rcl_interfaces_msg_dds__ParameterDescriptor_ *d = &rp->descriptors._buffer[i];
      printf ("describe %s type=%u read_only=%d description=%s", d->name, d->type, d->read_only, d->description);
      if (d->integer_range._length == 1)
        printf (" range=%" PRId64 "..%" PRId64 "/%" PRIu64, d->integer_range._buffer[0].from_value, d->integer_range._buffer[0].to_value, d->integer_range._buffer[0].step);
      printf ("\n");
    }
    dds_sample_free (rp, &rcl_interfaces_srv_dds__DescribeParameters_Response__desc, DDS_FREE_ALL);
    dds_sample_free (&rq, &rcl_interfaces_srv_dds__DescribeParameters_Request__desc, DDS_FREE_CONTENTS);
  }
  /* 9. a name the node never declared: rclcpp answers with no values at all */
  {
    static const char *names[] = { "b", "never_declared" };
    rcl_interfaces_srv_dds__GetParameters_Request_ rq = { 0 };
    set_names (&rq.names, 2, names);
    rcl_interfaces_srv_dds__GetParameters_Response_ *rp = client_call (&get, &rq);
    printf ("missing values=%u\n", rp->values._length);
    dds_sample_free (rp, &rcl_interfaces_srv_dds__GetParameters_Response__desc, DDS_FREE_ALL);
    dds_sample_free (&rq, &rcl_interfaces_srv_dds__GetParameters_Request__desc, DDS_FREE_CONTENTS);
  }
  printf ("done\n");
  fflush (stdout);
  dds_delete (pp);
  return 0;
}

static int run_trigger (const char *service)
{
  dds_entity_t pp = make_participant ();
  struct client c;
  client_init (&c, pp, service, &std_srvs_srv_dds__Trigger_Request__desc, &std_srvs_srv_dds__Trigger_Response__desc);
  printf ("ready\n");
  for (int i = 0; i < 2; i++)
  {
    std_srvs_srv_dds__Trigger_Request_ rq = { 0 };
    std_srvs_srv_dds__Trigger_Response_ *rp = client_call (&c, &rq);
    printf ("reply seq=%" PRId64 " success=%d message=%s\n", rp->seq, rp->success, rp->message);
    fflush (stdout);
    dds_sample_free (rp, &std_srvs_srv_dds__Trigger_Response__desc, DDS_FREE_ALL);
  }
  dds_delete (pp);
  return 0;
}

static int run_serve (const char *service, int count, int timeout_s)
{
  dds_entity_t pp = make_participant ();
  dds_qos_t *qos = service_qos ("serviceid", 99);
  dds_entity_t rd = dds_create_reader (pp, make_topic (pp, &std_srvs_srv_dds__SetBool_Request__desc, "rq", service, "Request"), qos, NULL);
  dds_entity_t wr = dds_create_writer (pp, make_topic (pp, &std_srvs_srv_dds__SetBool_Response__desc, "rr", service, "Reply"), qos, NULL);
  dds_delete_qos (qos);
  if (rd < 0 || wr < 0) die ("creating the service's endpoints failed", service);
  dds_entity_t ws = dds_create_waitset (pp);
  dds_waitset_attach (ws, dds_create_readcondition (rd, DDS_ANY_STATE), 0);
  printf ("ready\n");
  fflush (stdout);
  int served = 0;
  dds_time_t deadline = dds_time () + DDS_SECS (timeout_s);
  while (served < count && dds_time () < deadline)
  {
    dds_waitset_wait_until (ws, NULL, 0, deadline);
    std_srvs_srv_dds__SetBool_Request_ rq;
    memset (&rq, 0, sizeof (rq));
    void *samples[1] = { &rq };
    dds_sample_info_t info;
    while (dds_take (rd, samples, &info, 1, 1) == 1)
    {
      if (!info.valid_data) continue;
      printf ("request seq=%" PRId64 " data=%s\n", rq.seq, rq.data ? "true" : "false");
      std_srvs_srv_dds__SetBool_Response_ rp = { .guid = rq.guid, .seq = rq.seq, .success = rq.data };
      rp.message = rq.data ? "peer saw true \xe2\x9c\x93" : "peer saw false \xe2\x9c\x93";
      if (dds_write (wr, &rp) != DDS_RETCODE_OK) die ("dds_write failed", NULL);
      served++;
    }
    fflush (stdout);
  }
  dds_wait_for_acks (wr, DDS_SECS (10));
  printf ("served %d\n", served);
  fflush (stdout);
  dds_delete (pp);
  return served == count ? 0 : 1;
}

static void print_parameters (const char *label, const dds_sequence_rcl_interfaces_msg_dds__Parameter_ *seq)
{
  printf (" %s=[", label);
  for (uint32_t i = 0; i < seq->_length; i++)
  {
    printf ("%s%s=", i ? " " : "", seq->_buffer[i].name);
    print_value (&seq->_buffer[i].value);
  }
  printf ("]");
}

static int run_listen (const char *node, int timeout_s)
{
  dds_entity_t pp = make_participant ();
  /* rcl's rosout QoS is reliable, transient local, keep last 1000; asking the same gets the backlog too. */
  dds_qos_t *rosout_qos = dds_create_qos ();
  dds_qset_reliability (rosout_qos, DDS_RELIABILITY_RELIABLE, DDS_SECS (1));
  dds_qset_durability (rosout_qos, DDS_DURABILITY_TRANSIENT_LOCAL);
  dds_qset_history (rosout_qos, DDS_HISTORY_KEEP_LAST, 1000);
  dds_entity_t rosout = dds_create_reader (pp, dds_create_topic (pp, &rcl_interfaces_msg_dds__Log__desc, "rt/rosout", NULL, NULL), rosout_qos, NULL);
  dds_delete_qos (rosout_qos);
  dds_qos_t *events_qos = dds_create_qos ();
  dds_qset_reliability (events_qos, DDS_RELIABILITY_RELIABLE, DDS_SECS (1));
  dds_qset_history (events_qos, DDS_HISTORY_KEEP_LAST, 1000);
  dds_entity_t events = dds_create_reader (pp, dds_create_topic (pp, &rcl_interfaces_msg_dds__ParameterEvent__desc, "rt/parameter_events", NULL, NULL), events_qos, NULL);
  dds_delete_qos (events_qos);
  if (rosout < 0 || events < 0) die ("creating the readers failed", NULL);
  dds_entity_t ws = dds_create_waitset (pp);
  dds_waitset_attach (ws, dds_create_readcondition (rosout, DDS_ANY_STATE), 0);
  dds_waitset_attach (ws, dds_create_readcondition (events, DDS_ANY_STATE), 1);
  printf ("ready\n");
  fflush (stdout);

  /* The node's logger name is its fully qualified name without the leading slash, dots for slashes. */
  char logger[400];
  snprintf (logger, sizeof (logger), "%s", node[0] == '/' ? node + 1 : node);
  for (char *p = logger; *p; p++) if (*p == '/') *p = '.';

  dds_time_t deadline = dds_time () + DDS_SECS (timeout_s);
  while (dds_time () < deadline)
  {
    dds_waitset_wait_until (ws, NULL, 0, deadline);
    void *samples[1] = { NULL };
    dds_sample_info_t info;
    while (dds_take (rosout, samples, &info, 1, 1) == 1)
    {
      const rcl_interfaces_msg_dds__Log_ *log = samples[0];
      if (info.valid_data && strcmp (log->name, logger) == 0)
        printf ("rosout level=%u name=%s msg=%s stamp=%d\n", log->level, log->name, log->msg, log->stamp.sec > 0);
      dds_return_loan (rosout, samples, 1);
      samples[0] = NULL;
    }
    while (dds_take (events, samples, &info, 1, 1) == 1)
    {
      const rcl_interfaces_msg_dds__ParameterEvent_ *e = samples[0];
      if (info.valid_data && strcmp (e->node, node) == 0)
      {
        printf ("event node=%s", e->node);
        print_parameters ("new", &e->new_parameters);
        print_parameters ("changed", &e->changed_parameters);
        print_parameters ("deleted", &e->deleted_parameters);
        printf ("\n");
      }
      dds_return_loan (events, samples, 1);
      samples[0] = NULL;
    }
    fflush (stdout);
  }
  dds_delete (pp);
  return 0;
}

int main (int argc, char **argv)
{
  if (argc >= 3 && strcmp (argv[1], "params") == 0) return run_params (argv[2]);
  if (argc >= 3 && strcmp (argv[1], "trigger") == 0) return run_trigger (argv[2]);
  if (argc >= 5 && strcmp (argv[1], "serve") == 0) return run_serve (argv[2], atoi (argv[3]), atoi (argv[4]));
  if (argc >= 4 && strcmp (argv[1], "listen") == 0) return run_listen (argv[2], atoi (argv[3]));
  die ("usage", "service_peer params NODE | trigger SERVICE | serve SERVICE COUNT TIMEOUT_S | listen NODE TIMEOUT_S");
  return 2;
}
