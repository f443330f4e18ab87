using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Client.Graph;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client;

/// <summary>
/// What every subscription shares: its DDS reader, taking samples on the executor, dropping malformed
/// ones with a rate-limited warning that names the topic and the byte offset, and incompatible-QoS reporting.
/// </summary>
public abstract class SubscriptionBase : IEndpoint, IDisposable
{
    private static readonly long WarningInterval = Stopwatch.Frequency * 5;
    private readonly DdsReadCondition _data;
    private long _lastWarning = long.MinValue;
    private long _suppressed;

    private readonly bool _onReceiveThread;
    private readonly Lock _receiveGate = new();

    private protected SubscriptionBase(Node node, string topic, QosProfile qos, string ddsTypeName, string rosTypeName, string typeHash, SubscriptionOptions options)
    {
        Node = node;
        TopicName = topic;
        Qos = qos;
        TypeName = rosTypeName;
        _onReceiveThread = options.DeliverOnReceiveThread;
        string ddsTopic = RosNameMangling.TopicToDds(topic, qos.AvoidRosNamespaceConventions);
        DdsQos ddsQos = QosMapping.ToDds(qos, node.EndpointUserData(typeHash), options.IgnoreLocalPublications);
        Reader = node.Context.Participant.CreateReader(ddsTopic, ddsTypeName, ddsQos);
        _data = Reader.CreateReadCondition();
    }

    /// <summary>The owning node.</summary>
    public Node Node { get; }

    /// <summary>Fully qualified topic name.</summary>
    public string TopicName { get; }

    /// <summary>ROS type name.</summary>
    public string TypeName { get; }

    /// <summary>The QoS asked for.</summary>
    public QosProfile Qos { get; }

    /// <summary>The subscription's GID.</summary>
    public DdsGid Gid => Reader.Gid;

    /// <summary>How many publishers are matched now.</summary>
    public int PublisherCount => Reader.MatchedWriterCount;

    /// <summary>Messages delivered to the callback.</summary>
    public long ReceivedCount { get; private set; }

    /// <summary>Samples dropped because they could not be deserialized.</summary>
    public long MalformedCount { get; private set; }

    internal DdsReader Reader { get; }

    IEnumerable<DdsGid> IEndpoint.ReaderGids => [Reader.Gid];

    IEnumerable<DdsGid> IEndpoint.WriterGids => [];

    IEnumerable<(DdsEntity Entity, EndpointEvent Event)> IEndpoint.WaitEntities => _onReceiveThread
        ? [(Reader, EndpointEvent.IncompatibleQos)]
        : [(_data, EndpointEvent.Data), (Reader, EndpointEvent.IncompatibleQos)];

    /// <summary>Deletes the subscription and removes it from its node.</summary>
    public void Dispose()
    {
        Node.Remove(this);
        DisposeEntity();
        GC.SuppressFinalize(this);
    }

    void IEndpoint.Handle(EndpointEvent triggered)
    {
        if (triggered == EndpointEvent.Data)
        {
            TakeAll();
        }
        else
        {
            ReportIncompatibleQos();
        }
    }

    void IEndpoint.DisposeEntity() => DisposeEntity();

    /// <summary>Deserializes one payload and calls the user's callback.</summary>
    private protected abstract void Deliver(ReadOnlySpan<byte> payload);

    private DdsSampleHandler? _deliverSample;

    /// <summary>Takes and delivers every sample waiting (the executor calls this).</summary>
    internal void TakeAll() => Reader.TakeEach(_deliverSample ??= DeliverSample);

    private void DeliverSample(ReadOnlySpan<byte> payload, ulong publicationHandle)
    {
        try
        {
            Deliver(payload);
            ReceivedCount++;
        }
        catch (CdrException e)
        {
            MalformedCount++;
            ReportMalformed(e);
        }
    }

    /// <summary>
    /// Starts delivery on the receive thread, once the derived subscription is fully built (a listener
    /// could otherwise call into it half-constructed). Samples that arrived meanwhile are taken at once.
    /// </summary>
    internal void Activate()
    {
        if (!_onReceiveThread)
        {
            return;
        }

        Reader.SetDataAvailableListener(TakeOnReceiveThread, e => Node.Logger.LogError(e, "Callback for topic '{Topic}' failed", TopicName));
        TakeOnReceiveThread();
    }

    /// <summary>Cyclone may call listeners from more than one thread; deliveries stay one at a time, in order.</summary>
    private void TakeOnReceiveThread()
    {
        lock (_receiveGate)
        {
            TakeAll();
        }
    }

    private void DisposeEntity()
    {
        _data.Dispose();
        Reader.Dispose();
    }

    private void ReportMalformed(CdrException e)
    {
        long now = Stopwatch.GetTimestamp();
        if (_lastWarning != long.MinValue && now - _lastWarning < WarningInterval)
        {
            _suppressed++;
            return;
        }

        Node.Logger.LogWarning(
            "Dropped a malformed {Type} sample on topic '{Topic}'{Suppressed}: {Error}",
            TypeName,
            TopicName,
            _suppressed > 0 ? $" (and {_suppressed} more since the last warning)" : string.Empty,
            e.Message);
        _lastWarning = now;
        _suppressed = 0;
    }

    private void ReportIncompatibleQos()
    {
        (int count, DdsQosPolicy policy) = Reader.TakeIncompatibleQos();
        if (count <= 0)
        {
            return;
        }

        string details = string.Join("; ", Node.Graph.DiscoveredEndpoints(Reader.TopicName, EndpointKind.Publisher)
            .Where(w => QosCompatibility.Incompatibilities(w.Qos, Reader.Qos).Count > 0)
            .Select(w => $"offered by publisher {w.Gid} ({w.Gid.Vendor}): {w.Qos}"));
        Node.Logger.LogWarning(
            "New publisher discovered on topic '{Topic}', offering incompatible QoS. No messages will be received from it. Last incompatible policy: {Policy}. Requested: {Requested}{Details}",
            TopicName,
            PublisherBase.PolicyName(policy),
            Reader.Qos,
            details.Length > 0 ? ". " + details : string.Empty);
    }
}
