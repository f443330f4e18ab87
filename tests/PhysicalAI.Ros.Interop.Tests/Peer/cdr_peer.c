/*
 * An independent CDR peer: Cyclone DDS's own serializer, driven by idlc-generated types.
 *
 *   cdr_peer encode    TYPE OUT   write Cyclone's serialized form of the reference sample of TYPE
 *                                 (what its writer puts on the wire: header, body, announced padding)
 *   cdr_peer encode-be TYPE OUT   write the same sample as big-endian CDR (header 00 00 00 00)
 *   cdr_peer decode    TYPE IN OUT  read IN with Cyclone's deserializer (either byte order) and write
 *                                 the decoded sample re-serialized as in "encode"; exit 3 if rejected
 *
 * The reference samples here and in the C# tests (CdrPeerSamples.cs) must describe the same values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dds/dds.h>
#include <dds/ddsi/ddsi_serdata.h>
#include <dds/ddsi/ddsi_serdata_default.h>
#include <dds/ddsi/ddsi_cdrstream.h>
#include <dds/ddsi/q_protocol.h>
#include "ros_types.h"

#define JOINTS 7
#define IMAGE_W 640
#define IMAGE_H 480

static char *joint_names[JOINTS] = { "joint_1", "joint_2", "joint_3", "joint_4", "joint_5", "joint_6", "joint_7" };
static double joint_position[JOINTS];
static double joint_velocity[JOINTS];
static uint8_t image_data[IMAGE_W * IMAGE_H * 3];

static void *make_string (void)
{
  static std_msgs_msg_dds__String_ s;
  s.data = "hello, ROS 2 \xe2\x9c\x93 gr\xc3\xbc\xc3\x9f" "e";
  return &s;
}

static void *make_empty (void)
{
  static std_msgs_msg_dds__Empty_ s;
  s.structure_needs_at_least_one_member = 0;
  return &s;
}

static void *make_joint_state (void)
{
  static sensor_msgs_msg_dds__JointState_ s;
  for (int i = 0; i < JOINTS; i++) {
    joint_position[i] = 0.25 * i - 0.5;
    joint_velocity[i] = -1.5 + i;
  }
  s.header.stamp.sec = 1700000000;
  s.header.stamp.nanosec = 123456789u;
  s.header.frame_id = "base_link";
  s.name._length = s.name._maximum = JOINTS; s.name._buffer = joint_names; s.name._release = false;
  s.position._length = s.position._maximum = JOINTS; s.position._buffer = joint_position; s.position._release = false;
  s.velocity._length = s.velocity._maximum = JOINTS; s.velocity._buffer = joint_velocity; s.velocity._release = false;
  s.effort._length = s.effort._maximum = 0; s.effort._buffer = NULL; s.effort._release = false;
  return &s;
}

static void *make_image (void)
{
  static sensor_msgs_msg_dds__Image_ s;
  for (size_t i = 0; i < sizeof (image_data); i++)
    image_data[i] = (uint8_t) ((i * 31u + 7u) & 0xffu);
  s.header.stamp.sec = 42;
  s.header.stamp.nanosec = 500;
  s.header.frame_id = "camera_optical_frame";
  s.height = IMAGE_H;
  s.width = IMAGE_W;
  s.encoding = "rgb8";
  s.is_bigendian = 0;
  s.step = IMAGE_W * 3;
  s.data._length = s.data._maximum = sizeof (image_data); s.data._buffer = image_data; s.data._release = false;
  return &s;
}

static void *make_float64_multi_array (void)
{
  static std_msgs_msg_dds__MultiArrayDimension_ dims[2];
  static double data[7] = { 0.0, 1.0, -2.5, 1e-300, 3.25, -0.0, 6.0 };
  static std_msgs_msg_dds__Float64MultiArray_ s;
  dims[0].label = "rows"; dims[0].size = 2; dims[0].stride = 6;
  dims[1].label = "cols"; dims[1].size = 3; dims[1].stride = 3;
  s.layout.dim._length = s.layout.dim._maximum = 2; s.layout.dim._buffer = dims; s.layout.dim._release = false;
  s.layout.data_offset = 1;
  s.data._length = s.data._maximum = 7; s.data._buffer = data; s.data._release = false;
  return &s;
}

static void *make_camera_info (void)
{
  static double d[5] = { 0.1, -0.2, 0.001, 0.002, 0.0 };
  static sensor_msgs_msg_dds__CameraInfo_ s;
  s.header.stamp.sec = 3; s.header.stamp.nanosec = 4; s.header.frame_id = "cam";
  s.height = 240; s.width = 320;
  s.distortion_model = "plumb_bob";
  s.d._length = s.d._maximum = 5; s.d._buffer = d; s.d._release = false;
  for (int i = 0; i < 9; i++) { s.k[i] = i * 1.5; s.r[i] = (i % 4 == 0) ? 1.0 : 0.0; }
  for (int i = 0; i < 12; i++) s.p[i] = i * 0.5;
  s.binning_x = 1; s.binning_y = 2;
  s.roi.x_offset = 10; s.roi.y_offset = 20; s.roi.height = 100; s.roi.width = 200; s.roi.do_rectify = true;
  return &s;
}

static void *make_parameter_descriptor (void)
{
  static rcl_interfaces_msg_dds__FloatingPointRange_ range = { 0.0, 1.0, 0.5 };
  static rcl_interfaces_msg_dds__ParameterDescriptor_ s;
  s.name = "speed_scale";
  s.type = 3;
  s.description = "scale";
  s.additional_constraints = "0..1";
  s.read_only = false;
  s.dynamic_typing = true;
  s.floating_point_range._length = s.floating_point_range._maximum = 1;
  s.floating_point_range._buffer = &range; s.floating_point_range._release = false;
  s.integer_range._length = s.integer_range._maximum = 0; s.integer_range._buffer = NULL; s.integer_range._release = false;
  return &s;
}

static void *make_joint_trajectory (void)
{
  static char *names[2] = { "a", "b" };
  static double p0[2] = { 0.0, 0.5 }, p1[2] = { 1.0, -0.5 }, v0[2] = { 0.25, 0.0 };
  static trajectory_msgs_msg_dds__JointTrajectoryPoint_ points[2];
  static trajectory_msgs_msg_dds__JointTrajectory_ s;
  memset (points, 0, sizeof (points));
  points[0].positions._length = points[0].positions._maximum = 2; points[0].positions._buffer = p0;
  points[0].velocities._length = points[0].velocities._maximum = 2; points[0].velocities._buffer = v0;
  points[0].time_from_start.sec = 0; points[0].time_from_start.nanosec = 500000000u;
  points[1].positions._length = points[1].positions._maximum = 2; points[1].positions._buffer = p1;
  points[1].time_from_start.sec = 1; points[1].time_from_start.nanosec = 0;
  s.header.stamp.sec = 5; s.header.stamp.nanosec = 6; s.header.frame_id = "world";
  s.joint_names._length = s.joint_names._maximum = 2; s.joint_names._buffer = names; s.joint_names._release = false;
  s.points._length = s.points._maximum = 2; s.points._buffer = points; s.points._release = false;
  return &s;
}

struct peer_type {
  const char *name;
  const dds_topic_descriptor_t *desc;
  void *(*make) (void);
};

static const struct peer_type types[] = {
  { "std_msgs/msg/String", &std_msgs_msg_dds__String__desc, make_string },
  { "std_msgs/msg/Empty", &std_msgs_msg_dds__Empty__desc, make_empty },
  { "std_msgs/msg/Float64MultiArray", &std_msgs_msg_dds__Float64MultiArray__desc, make_float64_multi_array },
  { "sensor_msgs/msg/JointState", &sensor_msgs_msg_dds__JointState__desc, make_joint_state },
  { "sensor_msgs/msg/Image", &sensor_msgs_msg_dds__Image__desc, make_image },
  { "sensor_msgs/msg/CameraInfo", &sensor_msgs_msg_dds__CameraInfo__desc, make_camera_info },
  { "rcl_interfaces/msg/ParameterDescriptor", &rcl_interfaces_msg_dds__ParameterDescriptor__desc, make_parameter_descriptor },
  { "trajectory_msgs/msg/JointTrajectory", &trajectory_msgs_msg_dds__JointTrajectory__desc, make_joint_trajectory },
};

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
  const struct peer_type *t = NULL;
  for (size_t i = 0; i < sizeof (types) / sizeof (types[0]); i++)
    if (strcmp (types[i].name, argv[2]) == 0) t = &types[i];
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
