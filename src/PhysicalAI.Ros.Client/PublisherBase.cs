using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client.Graph;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client;

/// <summary>What every publisher shares: its DDS writer, its topic and QoS, and incompatible-QoS reporting.</summary>
public abstract class PublisherBase : IEndpoint, IDisposable
{
    private protected PublisherBase(Node node, string topic, QosProfile qos, string ddsTypeName, string rosTypeName, string typeHash, PublisherOptions options)
    {
        Node = node;
        TopicName = topic;
        Qos = qos;
        TypeName = rosTypeName;
        Writer = node.Context.Participant.CreateWriter(
            RosNameMangling.TopicToDds(topic, qos.AvoidRosNamespaceConventions),
            ddsTypeName,
            QosMapping.ToDds(qos, node.EndpointUserData(typeHash)),
            options.BatchWrites);
    }

    /// <summary>The owning node.</summary>
    public Node Node { get; }

    /// <summary>Fully qualified topic name.</summary>
    public string TopicName { get; }

    /// <summary>ROS type name.</summary>
    public string TypeName { get; }

    /// <summary>The QoS asked for.</summary>
    public QosProfile Qos { get; }

    /// <summary>The publisher's GID.</summary>
    public DdsGid Gid => Writer.Gid;

    /// <summary>How many subscriptions are matched now.</summary>
    public int SubscriptionCount => Writer.MatchedReaderCount;

    internal DdsWriter Writer { get; }

    IEnumerable<DdsGid> IEndpoint.ReaderGids => [];

    IEnumerable<DdsGid> IEndpoint.WriterGids => [Writer.Gid];

    IEnumerable<(DdsEntity Entity, EndpointEvent Event)> IEndpoint.WaitEntities => [(Writer, EndpointEvent.IncompatibleQos)];

    /// <summary>Blocks until every matched reliable subscription has acknowledged what was published, or the timeout passes.</summary>
    public bool WaitForAllAcknowledged(TimeSpan timeout) => Writer.WaitForAcknowledgments(timeout);

    /// <summary>Sends messages a batched publisher is still holding (does nothing for an ordinary one).</summary>
    public void Flush() => Writer.Flush();

    /// <summary>Publishes an already serialized CDR payload (encapsulation header included).</summary>
    public void PublishSerialized(ReadOnlySpan<byte> payload) => Writer.Write(payload);

    /// <summary>Deletes the publisher and removes it from its node.</summary>
    public void Dispose()
    {
        Node.Remove(this);
        Writer.Dispose();
        GC.SuppressFinalize(this);
    }

    void IEndpoint.Handle(EndpointEvent triggered)
    {
        (int count, DdsQosPolicy policy) = Writer.TakeIncompatibleQos();
        if (count <= 0)
        {
            return;
        }

        string details = string.Join("; ", Node.Graph.DiscoveredEndpoints(Writer.TopicName, EndpointKind.Subscription)
            .Where(r => QosCompatibility.Incompatibilities(Writer.Qos, r.Qos).Count > 0)
            .Select(r => $"requested by subscription {r.Gid} ({r.Gid.Vendor}): {r.Qos}"));
        Node.Logger.LogWarning(
            "New subscription discovered on topic '{Topic}', requesting incompatible QoS. No messages will be sent to it. Last incompatible policy: {Policy}. Offered: {Offered}{Details}",
            TopicName,
            PolicyName(policy),
            Writer.Qos,
            details.Length > 0 ? ". " + details : string.Empty);
    }

    void IEndpoint.DisposeEntity() => Writer.Dispose();

    internal static string PolicyName(DdsQosPolicy policy) => policy.ToString().ToUpperInvariant();
}
