using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Client.Graph;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Dds;
using PhysicalAI.Ros.Interfaces;

namespace PhysicalAI.Ros.Client.Services;

/// <summary>
/// A ROS 2 service server speaking rmw_cyclonedds_cpp's protocol: requests on <c>rq/NAMERequest</c>,
/// replies on <c>rr/NAMEReply</c>, each with the in-band request header, endpoints paired by
/// <c>serviceid</c>. Requests are handled on the node's executor, one at a time, in arrival order.
/// </summary>
public sealed class Service<TRequest, TResponse> : IEndpoint, IDisposable
    where TRequest : class, IRosMessage<TRequest>, new()
    where TResponse : class, IRosMessage<TResponse>, new()
{
    // rmw_cyclonedds waits this long for the client's reply reader before dropping a reply.
    private static readonly TimeSpan ReplyReaderWait = TimeSpan.FromMilliseconds(100);

    private readonly Func<TRequest, TResponse> _handler;
    private readonly DdsReader _requests;
    private readonly DdsReadCondition _requestsReady;
    private readonly DdsWriter _replies;
    private readonly DdsSampleHandler _answer;
    private readonly Dictionary<ulong, (string? ClientId, bool FastDds)> _clients = [];
    private readonly HashSet<string> _readyClients = new(StringComparer.Ordinal);

    internal Service(Node node, string name, Func<TRequest, TResponse> handler, QosProfile qos)
    {
        Node = node;
        Name = name;
        ServiceType = ServiceTypes.ServiceTypeOf(TRequest.Descriptor, TResponse.Descriptor);
        _handler = handler;
        string id = ServiceEndpointIds.Next(node.Context.Participant.Gid);
        DdsParticipant participant = node.Context.Participant;
        _requests = participant.CreateReader(
            RosNameMangling.ServiceRequestToDds(name),
            TRequest.DdsTypeName,
            QosMapping.ToDds(qos, node.EndpointUserData(TRequest.TypeHash, ("serviceid", id))));
        _replies = participant.CreateWriter(
            RosNameMangling.ServiceReplyToDds(name),
            TResponse.DdsTypeName,
            QosMapping.ToDds(qos, node.EndpointUserData(TResponse.TypeHash, ("serviceid", id))));
        _requestsReady = _requests.CreateReadCondition();
        _answer = Answer;
    }

    /// <summary>The owning node.</summary>
    public Node Node { get; }

    /// <summary>Fully qualified service name.</summary>
    public string Name { get; }

    /// <summary>ROS service type (<c>std_srvs/srv/Trigger</c>).</summary>
    public string ServiceType { get; }

    /// <summary>Requests answered so far.</summary>
    public long HandledCount { get; private set; }

    IEnumerable<DdsGid> IEndpoint.ReaderGids => [_requests.Gid];

    IEnumerable<DdsGid> IEndpoint.WriterGids => [_replies.Gid];

    IEnumerable<(DdsEntity Entity, EndpointEvent Event)> IEndpoint.WaitEntities => [(_requestsReady, EndpointEvent.Data)];

    /// <summary>Deletes the service and removes it from its node.</summary>
    public void Dispose()
    {
        Node.Remove(this);
        DisposeEntity();
    }

    void IEndpoint.Handle(EndpointEvent triggered) => _requests.TakeEach(_answer);

    void IEndpoint.DisposeEntity() => DisposeEntity();

    private void DisposeEntity()
    {
        _requestsReady.Dispose();
        _requests.Dispose();
        _replies.Dispose();
    }

    private void Answer(ReadOnlySpan<byte> payload, ulong publicationHandle)
    {
        (string? clientId, bool fastDds) = Client(publicationHandle);
        if (fastDds)
        {
            // rmw_fastrtps_cpp sends no in-band header: reading one would misread the request.
            return;
        }

        ServiceHeader header;
        var request = new TRequest();
        try
        {
            var reader = new CdrReader(payload);
            header = ServiceHeader.Read(ref reader);
            TRequest.Deserialize(ref reader, request);
        }
        catch (CdrException e)
        {
            Node.Logger.LogWarning("Dropped a malformed request to service '{Service}': {Error}", Name, e.Message);
            return;
        }

        TResponse response;
        try
        {
            response = _handler(request);
        }
        catch (Exception e)
        {
            // A failing handler must not take the executor (and every other callback) down with it; the
            // caller gets no reply and its timeout names the service.
            Node.Logger.LogError(e, "Service '{Service}' failed to handle a request; no reply was sent", Name);
            return;
        }

        WaitForReplyReader(clientId);
        try
        {
            Reply(header, response);
            HandledCount++;
        }
        catch (Exception e) when (e is CdrException or DdsException or ObjectDisposedException)
        {
            // A response the handler filled in wrongly (a null string, a bound exceeded) or a service
            // being disposed: the caller times out; the executor goes on.
            Node.Logger.LogError("Service '{Service}' could not send its reply: {Error}", Name, e.Message);
        }
    }

    private void Reply(ServiceHeader header, TResponse response)
    {
        var size = new CdrSizeCalculator();
        ServiceHeader.Measure(ref size);
        TResponse.Measure(ref size, response);
        DdsWriteLoan loan = _replies.BeginWrite(size.Size);
        try
        {
            var writer = new CdrWriter(loan.Payload);
            header.Write(ref writer);
            TResponse.Serialize(ref writer, response);
            loan.Commit(writer.Complete());
        }
        finally
        {
            loan.Dispose();
        }
    }

    /// <summary>Who sent requests through <paramref name="publicationHandle"/>: its <c>clientid</c> and whether it is a Fast DDS participant.</summary>
    private (string? ClientId, bool FastDds) Client(ulong publicationHandle)
    {
        if (_clients.TryGetValue(publicationHandle, out (string? ClientId, bool FastDds) known))
        {
            return known;
        }

        DdsDiscoveredEntity? writer = _requests.MatchedWriter(publicationHandle);
        UserData.Parse(writer?.Qos.UserData).TryGetValue("clientid", out string? clientId);
        bool fastDds = writer?.ParticipantGid.IsFastDds == true;
        if (fastDds)
        {
            Node.Logger.LogWarning(
                "A client on eProsima Fast DDS (rmw_fastrtps_cpp) called service '{Service}'; ROS 2 services do not work between rmw_fastrtps_cpp and " +
                "rmw_cyclonedds_cpp, which this node speaks, so its requests are dropped. Start that node with RMW_IMPLEMENTATION=rmw_cyclonedds_cpp.",
                Name);
        }

        if (_clients.Count >= 64)
        {
            // Each `ros2 param` call is a new client: forget the ones that are gone.
            HashSet<ulong> matched = [.. _requests.MatchedWriters().Select(w => w.InstanceHandle)];
            foreach (ulong gone in _clients.Keys.Where(k => !matched.Contains(k)).ToList())
            {
                _readyClients.Remove(_clients[gone].ClientId ?? string.Empty);
                _clients.Remove(gone);
            }
        }

        _clients[publicationHandle] = (clientId, fastDds);
        return (clientId, fastDds);
    }

    /// <summary>
    /// As rmw_cyclonedds does: a reply is only useful once the client's reply reader (the one with the
    /// request writer's <c>clientid</c>) is matched, which may lag the request by a discovery round.
    /// </summary>
    private void WaitForReplyReader(string? clientId)
    {
        if (clientId is null || _readyClients.Contains(clientId))
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        while (!_replies.MatchedReaders().Any(r => UserData.Parse(r.Qos.UserData).TryGetValue("clientid", out string? id) && id == clientId))
        {
            if (watch.Elapsed > ReplyReaderWait)
            {
                Node.Logger.LogDebug("Client {ClientId} of service '{Service}' has no matched reply reader yet; replying anyway", clientId, Name);
                return;
            }

            Thread.Sleep(1);
        }

        _readyClients.Add(clientId);
    }
}
