using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Dds;
using PhysicalAI.Ros.Interfaces;

namespace PhysicalAI.Ros.Client;

/// <summary>Publishes <typeparamref name="T"/> messages on a topic.</summary>
/// <remarks>
/// <see cref="Publish"/> serializes straight into memory Cyclone takes over: no managed allocation per
/// message. It may be called from any thread. A reliable keep-all publisher blocks when subscribers fall behind.
/// </remarks>
public sealed class Publisher<T> : PublisherBase
    where T : class, IRosMessage<T>, new()
{
    internal Publisher(Node node, string topic, QosProfile qos, PublisherOptions options)
        : base(node, topic, qos, T.DdsTypeName, T.RosTypeName, T.TypeHash, options)
    {
    }

    /// <summary>Publishes <paramref name="message"/>.</summary>
    /// <exception cref="CdrException">The message is invalid (a null member, a bound exceeded, a fixed array of the wrong length).</exception>
    public void Publish(T message)
    {
        var size = new CdrSizeCalculator();
        T.Measure(ref size, message);
        DdsWriteLoan loan = Writer.BeginWrite(size.Size);
        try
        {
            var writer = new CdrWriter(loan.Payload);
            T.Serialize(ref writer, message);
            loan.Commit(writer.Complete());
        }
        finally
        {
            loan.Dispose();
        }
    }
}
