/*
 * The reference samples both C peers use (cdr_peer and dds_peer), built in C with idlc's types.
 * CdrPeerSamples.cs builds the same values in C#.
 */
#include <stdlib.h>
#include <string.h>
#include "ros_samples.h"

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

const struct peer_type peer_types[] = {
  { "std_msgs/msg/String", &std_msgs_msg_dds__String__desc, make_string },
  { "std_msgs/msg/Empty", &std_msgs_msg_dds__Empty__desc, make_empty },
  { "std_msgs/msg/Float64MultiArray", &std_msgs_msg_dds__Float64MultiArray__desc, make_float64_multi_array },
  { "sensor_msgs/msg/JointState", &sensor_msgs_msg_dds__JointState__desc, make_joint_state },
  { "sensor_msgs/msg/Image", &sensor_msgs_msg_dds__Image__desc, make_image },
  { "sensor_msgs/msg/CameraInfo", &sensor_msgs_msg_dds__CameraInfo__desc, make_camera_info },
  { "rcl_interfaces/msg/ParameterDescriptor", &rcl_interfaces_msg_dds__ParameterDescriptor__desc, make_parameter_descriptor },
  { "trajectory_msgs/msg/JointTrajectory", &trajectory_msgs_msg_dds__JointTrajectory__desc, make_joint_trajectory },
};


const size_t peer_type_count = sizeof (peer_types) / sizeof (peer_types[0]);

const struct peer_type *peer_type_find (const char *name)
{
  for (size_t i = 0; i < peer_type_count; i++)
    if (strcmp (peer_types[i].name, name) == 0)
      return &peer_types[i];
  return NULL;
}
