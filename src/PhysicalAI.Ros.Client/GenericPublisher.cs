using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Ros.Client;

/// <summary>Publishes messages of a type chosen at run time by its description.</summary>
public sealed class GenericPublisher : PublisherBase
{
    private readonly RosMessageDescriptor _type;

    internal GenericPublisher(Node node, string topic, QosProfile qos, RosMessageDescriptor type)
        : base(node, topic, qos, type.DdsTypeName, type.RosTypeName, type.TypeHash, new PublisherOptions()) => _type = type;

    /// <summary>Publishes <paramref name="message"/>, an instance of the described type.</summary>
    public void Publish(object message) => PublishSerialized(_type.Serialize(message));
}
