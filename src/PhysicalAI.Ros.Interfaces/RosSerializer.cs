using PhysicalAI.Ros.Cdr;

namespace PhysicalAI.Ros.Interfaces;

/// <summary>
/// Whole-payload CDR serialization of any generated message: the encapsulation header plus the body,
/// byte for byte as rclcpp's <c>rclcpp::Serialization</c> and rclpy's <c>serialize_message</c> produce it.
/// </summary>
public static class RosSerializer
{
    /// <summary>The exact payload size of <paramref name="message"/> (header included, no trailing padding).</summary>
    public static int GetSerializedSize<T>(T message)
        where T : class, IRosMessage<T>, new()
    {
        var size = new CdrSizeCalculator();
        T.Measure(ref size, message);
        return size.Size;
    }

    /// <summary>Serializes into <paramref name="destination"/> and returns the bytes written.</summary>
    /// <exception cref="CdrException">The message is invalid or <paramref name="destination"/> is too small.</exception>
    public static int Serialize<T>(T message, Span<byte> destination, CdrEndianness endianness = CdrEndianness.Little, CdrTrailingPadding padding = CdrTrailingPadding.None)
        where T : class, IRosMessage<T>, new()
    {
        var writer = new CdrWriter(destination, endianness);
        T.Serialize(ref writer, message);
        return writer.Complete(padding);
    }

    /// <summary>Serializes into a new array of exactly the payload's size.</summary>
    public static byte[] Serialize<T>(T message, CdrEndianness endianness = CdrEndianness.Little, CdrTrailingPadding padding = CdrTrailingPadding.None)
        where T : class, IRosMessage<T>, new()
    {
        int size = GetSerializedSize(message);
        if (padding != CdrTrailingPadding.None)
        {
            size += -size & 3;
        }

        byte[] buffer = new byte[size];
        int written = Serialize(message, buffer, endianness, padding);
        return written == buffer.Length ? buffer : buffer[..written];
    }

    /// <summary>Reads a payload into a new message.</summary>
    /// <exception cref="CdrException">The payload is malformed; the exception names the byte offset and field.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> payload)
        where T : class, IRosMessage<T>, new()
    {
        var message = new T();
        Deserialize(payload, message);
        return message;
    }

    /// <summary>Reads a payload into <paramref name="message"/>, reusing its arrays and nested messages where they fit.</summary>
    /// <exception cref="CdrException">The payload is malformed; <paramref name="message"/> may then be partly overwritten.</exception>
    public static void Deserialize<T>(ReadOnlySpan<byte> payload, T message)
        where T : class, IRosMessage<T>, new()
    {
        var reader = new CdrReader(payload);
        T.Deserialize(ref reader, message);
    }
}
