using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces;

namespace PhysicalAI.Ros.Client;

/// <summary>Receives <typeparamref name="T"/> messages from a topic; the callback runs on the node's executor.</summary>
public sealed class Subscription<T> : SubscriptionBase
    where T : class, IRosMessage<T>, new()
{
    private readonly Action<T> _callback;
    private readonly T? _reused;

    internal Subscription(Node node, string topic, QosProfile qos, Action<T> callback, SubscriptionOptions options)
        : base(node, topic, qos, T.DdsTypeName, T.RosTypeName, T.TypeHash, options)
    {
        _callback = callback;
        _reused = options.ReuseMessage ? new T() : null;
    }

    private protected override void Deliver(ReadOnlySpan<byte> payload)
    {
        T message = _reused ?? new T();
        var reader = new CdrReader(payload);
        T.Deserialize(ref reader, message);
        _callback(message);
    }
}
