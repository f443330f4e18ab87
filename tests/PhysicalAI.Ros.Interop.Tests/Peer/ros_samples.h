/* Reference samples shared by the C peers; see ros_samples.c. */
#ifndef ROS_SAMPLES_H
#define ROS_SAMPLES_H
#include <stddef.h>
#include <dds/dds.h>
#include "ros_types.h"

struct peer_type {
  const char *name;                     /* ROS type name, e.g. sensor_msgs/msg/JointState */
  const dds_topic_descriptor_t *desc;   /* idlc descriptor (DDS type name pkg::msg::dds_::Type_) */
  void *(*make) (void);                 /* the reference sample */
};

extern const struct peer_type peer_types[];
extern const size_t peer_type_count;
const struct peer_type *peer_type_find (const char *name);

#endif
