using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Ros.Client;

/// <summary>Receives messages of a type chosen at run time; the callback gets each deserialized message.</summary>
public sealed class GenericSubscription : SubscriptionBase
{
    private readonly RosMessageDescriptor _type;
    private readonly Action<object> _callback;

    internal GenericSubscription(Node node, string topic, QosProfile qos, RosMessageDescriptor type, Action<object> callback)
        : base(node, topic, qos, type.DdsTypeName, type.RosTypeName, type.TypeHash, new SubscriptionOptions())
    {
        _type = type;
        _callback = callback;
    }

    private protected override void Deliver(ReadOnlySpan<byte> payload) => _callback(_type.Deserialize(payload));
}
