using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client.Graph;

/// <summary>Whether an endpoint publishes or subscribes.</summary>
public enum EndpointKind
{
    /// <summary>A publisher (DDS writer).</summary>
    Publisher,

    /// <summary>A subscription (DDS reader).</summary>
    Subscription,
}

/// <summary>One publisher or subscription on a topic, as <c>ros2 topic info -v</c> lists it.</summary>
/// <param name="NodeName">Name of the node that owns it, or <c>_NODE_NAME_UNKNOWN_</c>.</param>
/// <param name="NodeNamespace">Namespace of that node, or <c>_NODE_NAMESPACE_UNKNOWN_</c>.</param>
/// <param name="TopicType">ROS type name (<c>std_msgs/msg/String</c>).</param>
/// <param name="Kind">Publisher or subscription.</param>
/// <param name="Gid">The endpoint's GID.</param>
/// <param name="Qos">Its QoS in ROS terms.</param>
/// <param name="TypeHash">The RIHS01 hash it announces, or empty (Humble peers, bare DDS apps).</param>
public sealed record TopicEndpointInfo(
    string NodeName,
    string NodeNamespace,
    string TopicType,
    EndpointKind Kind,
    DdsGid Gid,
    QosProfile Qos,
    string TypeHash);
