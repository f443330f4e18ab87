using PhysicalAI.Ros.Cdr;

namespace PhysicalAI.Ros.Interfaces.Description;

/// <summary>
/// A generated message type described at run time: names, type hash, fields, and untyped creation and
/// serialization, for tools that pick a type by its ROS name.
/// </summary>
public abstract class RosMessageDescriptor
{
    /// <summary>Name ROS tools use (<c>sensor_msgs/msg/JointState</c>).</summary>
    public abstract string RosTypeName { get; }

    /// <summary>DDS type name on the wire (<c>sensor_msgs::msg::dds_::JointState_</c>).</summary>
    public abstract string DdsTypeName { get; }

    /// <summary>RIHS01 type hash.</summary>
    public abstract string TypeHash { get; }

    /// <summary>The generated C# class.</summary>
    public abstract Type ClrType { get; }

    /// <summary>Fields in declaration order (empty for an empty message).</summary>
    public abstract IReadOnlyList<RosFieldDescriptor> Fields { get; }

    /// <summary>A new message with the .msg defaults.</summary>
    public abstract object CreateInstance();

    /// <summary>Serializes <paramref name="message"/> (header included, no trailing padding).</summary>
    public abstract byte[] Serialize(object message);

    /// <summary>Reads a payload into a new message.</summary>
    /// <exception cref="CdrException">The payload is malformed.</exception>
    public abstract object Deserialize(ReadOnlySpan<byte> payload);

    /// <summary>Reads a payload into <paramref name="message"/>, reusing what fits.</summary>
    /// <exception cref="CdrException">The payload is malformed.</exception>
    public abstract void Deserialize(ReadOnlySpan<byte> payload, object message);

    /// <summary>Adds the serialized size of <paramref name="message"/> to <paramref name="size"/>.</summary>
    public abstract void Measure(ref CdrSizeCalculator size, object message);

    /// <summary>Writes <paramref name="message"/> as a CDR body.</summary>
    public abstract void Serialize(ref CdrWriter writer, object message);

    /// <summary>Reads a CDR body into <paramref name="message"/>.</summary>
    public abstract void Deserialize(ref CdrReader reader, object message);

    /// <inheritdoc/>
    public override string ToString() => RosTypeName;
}

/// <summary>The description of generated message <typeparamref name="T"/>.</summary>
public sealed class RosMessageDescriptor<T> : RosMessageDescriptor
    where T : class, IRosMessage<T>, new()
{
    /// <summary>Called by generated code with the fields in declaration order.</summary>
    public RosMessageDescriptor(RosFieldDescriptor[] fields) => Fields = fields;

    /// <inheritdoc/>
    public override string RosTypeName => T.RosTypeName;

    /// <inheritdoc/>
    public override string DdsTypeName => T.DdsTypeName;

    /// <inheritdoc/>
    public override string TypeHash => T.TypeHash;

    /// <inheritdoc/>
    public override Type ClrType => typeof(T);

    /// <inheritdoc/>
    public override IReadOnlyList<RosFieldDescriptor> Fields { get; }

    /// <inheritdoc/>
    public override object CreateInstance() => new T();

    /// <inheritdoc/>
    public override byte[] Serialize(object message) => RosSerializer.Serialize((T)message);

    /// <inheritdoc/>
    public override object Deserialize(ReadOnlySpan<byte> payload) => RosSerializer.Deserialize<T>(payload);

    /// <inheritdoc/>
    public override void Deserialize(ReadOnlySpan<byte> payload, object message) => RosSerializer.Deserialize(payload, (T)message);

    /// <inheritdoc/>
    public override void Measure(ref CdrSizeCalculator size, object message) => T.Measure(ref size, (T)message);

    /// <inheritdoc/>
    public override void Serialize(ref CdrWriter writer, object message) => T.Serialize(ref writer, (T)message);

    /// <inheritdoc/>
    public override void Deserialize(ref CdrReader reader, object message) => T.Deserialize(ref reader, (T)message);
}
