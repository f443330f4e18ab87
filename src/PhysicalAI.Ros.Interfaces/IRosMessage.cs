using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Ros.Interfaces;

/// <summary>
/// A ROS 2 message type: its names on the ROS graph and on the DDS wire, and static CDR serialization.
/// Generated for every .msg file and for the request and response of every .srv file.
/// </summary>
/// <typeparam name="TSelf">The message class itself, so generic code can call the static members without reflection.</typeparam>
public interface IRosMessage<TSelf>
    where TSelf : class, IRosMessage<TSelf>, new()
{
    /// <summary>The name ROS tools use, such as <c>sensor_msgs/msg/JointState</c>.</summary>
    static abstract string RosTypeName { get; }

    /// <summary>The DDS type name every ROS 2 RMW registers, such as <c>sensor_msgs::msg::dds_::JointState_</c>.</summary>
    static abstract string DdsTypeName { get; }

    /// <summary>The RIHS01 type hash ROS 2 Jazzy advertises for the type (<c>RIHS01_</c> and 64 hex digits).</summary>
    static abstract string TypeHash { get; }

    /// <summary>The fewest bytes one instance occupies in a CDR body; used to reject impossible element counts.</summary>
    static abstract int MinSerializedSize { get; }

    /// <summary>Run-time description of the type (fields, untyped creation and serialization) for tools.</summary>
    static abstract RosMessageDescriptor Descriptor { get; }

    /// <summary>Adds the serialized size of <paramref name="message"/> to <paramref name="size"/>.</summary>
    static abstract void Measure(ref CdrSizeCalculator size, TSelf message);

    /// <summary>Writes <paramref name="message"/> as a CDR body.</summary>
    static abstract void Serialize(ref CdrWriter writer, TSelf message);

    /// <summary>Reads a CDR body into <paramref name="message"/>, reusing its arrays and nested messages when they fit.</summary>
    static abstract void Deserialize(ref CdrReader reader, TSelf message);
}
