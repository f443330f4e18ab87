using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Client.Graph;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Dds;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Ros.Client.Services;

/// <summary>
/// A ROS 2 service client for a type chosen at run time, speaking rmw_cyclonedds_cpp's protocol. Replies
/// are taken on Cyclone's receive thread and complete the caller's task directly, so awaiting a call from
/// inside an executor callback cannot deadlock the executor.
/// </summary>
public class GenericServiceClient : IEndpoint, IDisposable
{
    private static long _sequence;

    private readonly RosMessageDescriptor _requestType;
    private readonly RosMessageDescriptor _responseType;
    private readonly DdsWriter _requests;
    private readonly DdsReader _replies;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<object>> _pending = new();
    private readonly Lock _receiveGate = new();
    private readonly DdsSampleHandler _complete;

    internal GenericServiceClient(Node node, string name, RosMessageDescriptor requestType, RosMessageDescriptor responseType, QosProfile qos)
    {
        Node = node;
        Name = name;
        ServiceType = ServiceTypes.ServiceTypeOf(requestType, responseType);
        _requestType = requestType;
        _responseType = responseType;
        string id = ServiceEndpointIds.Next(node.Context.Participant.Gid);
        DdsParticipant participant = node.Context.Participant;
        _requests = participant.CreateWriter(
            RosNameMangling.ServiceRequestToDds(name),
            requestType.DdsTypeName,
            QosMapping.ToDds(qos, node.EndpointUserData(requestType.TypeHash, ("clientid", id))));
        _replies = participant.CreateReader(
            RosNameMangling.ServiceReplyToDds(name),
            responseType.DdsTypeName,
            QosMapping.ToDds(qos, node.EndpointUserData(responseType.TypeHash, ("clientid", id))));
        _complete = Complete;
        _replies.SetDataAvailableListener(TakeReplies, e => node.Logger.LogError(e, "Reading replies of service '{Service}' failed", name));
    }

    /// <summary>The owning node.</summary>
    public Node Node { get; }

    /// <summary>Fully qualified service name.</summary>
    public string Name { get; }

    /// <summary>ROS service type (<c>std_srvs/srv/Trigger</c>).</summary>
    public string ServiceType { get; }

    IEnumerable<DdsGid> IEndpoint.ReaderGids => [_replies.Gid];

    IEnumerable<DdsGid> IEndpoint.WriterGids => [_requests.Gid];

    IEnumerable<(DdsEntity Entity, EndpointEvent Event)> IEndpoint.WaitEntities => [];

    /// <summary>
    /// Whether a server is ready: matched request reader and reply writer, paired by <c>serviceid</c>
    /// when the server announces one (rmw_cyclonedds' check).
    /// </summary>
    /// <exception cref="ServiceInteropException">Only a Fast DDS node offers the service; it cannot answer us.</exception>
    public bool IsServiceReady()
    {
        IReadOnlyList<DdsDiscoveredEntity> readers = _requests.MatchedReaders();
        if (readers.Count == 0)
        {
            return false;
        }

        var cyclone = readers.Where(r => !r.ParticipantGid.IsFastDds).ToList();
        if (cyclone.Count == 0)
        {
            throw new ServiceInteropException(
                $"Service '{Name}' is offered only by a node on eProsima Fast DDS (rmw_fastrtps_cpp). ROS 2 services do not work between " +
                "rmw_fastrtps_cpp and rmw_cyclonedds_cpp, which this node speaks: start that node with RMW_IMPLEMENTATION=rmw_cyclonedds_cpp.");
        }

        IReadOnlyList<DdsDiscoveredEntity> writers = _replies.MatchedWriters();
        if (writers.Count == 0)
        {
            return false;
        }

        HashSet<string> replyIds = [.. writers.Select(w => ServiceId(w) ?? string.Empty)];
        return cyclone.Any(r => ServiceId(r) is not { } id || replyIds.Contains(id));
    }

    /// <summary>Waits until a server is ready (see <see cref="IsServiceReady"/>) or <paramref name="timeout"/> passes.</summary>
    /// <exception cref="ServiceInteropException">Only a Fast DDS node offers the service.</exception>
    public async Task<bool> WaitForServiceAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!IsServiceReady())
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Sends <paramref name="request"/> and waits for the reply.</summary>
    /// <exception cref="ServiceCallException">No reply within <paramref name="timeout"/>, or a malformed reply.</exception>
    /// <exception cref="ServiceInteropException">Only a Fast DDS node offers the service.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<object> CallObjectAsync(object request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (_requests.MatchedReaders() is { Count: > 0 } readers && readers.All(r => r.ParticipantGid.IsFastDds))
        {
            IsServiceReady();
        }

        long sequence = Interlocked.Increment(ref _sequence);
        var completion = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[sequence] = completion;
        try
        {
            Send(new ServiceHeader(_requests.InstanceHandle, sequence), request);
            Task<object> reply = completion.Task;
            if (timeout is { } limit)
            {
                try
                {
                    return await reply.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    throw new ServiceCallException($"service '{Name}' ({ServiceType}) did not answer within {limit.TotalSeconds:0.###} s; is a server running (pai service list)?");
                }
            }

            return await reply.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(sequence, out _);
        }
    }

    /// <summary>Deletes the client; pending calls fail.</summary>
    public void Dispose()
    {
        Node.Remove(this);
        DisposeEntity();
        GC.SuppressFinalize(this);
    }

    void IEndpoint.Handle(EndpointEvent triggered)
    {
    }

    void IEndpoint.DisposeEntity() => DisposeEntity();

    private static string? ServiceId(DdsDiscoveredEntity endpoint) =>
        UserData.Parse(endpoint.Qos.UserData).TryGetValue("serviceid", out string? id) ? id : null;

    private void DisposeEntity()
    {
        _replies.Dispose();
        _requests.Dispose();
        foreach (TaskCompletionSource<object> pending in _pending.Values)
        {
            pending.TrySetException(new ServiceCallException($"the client of service '{Name}' was disposed"));
        }
    }

    private void Send(ServiceHeader header, object request)
    {
        var size = new CdrSizeCalculator();
        ServiceHeader.Measure(ref size);
        _requestType.Measure(ref size, request);
        DdsWriteLoan loan = _requests.BeginWrite(size.Size);
        try
        {
            var writer = new CdrWriter(loan.Payload);
            header.Write(ref writer);
            _requestType.Serialize(ref writer, request);
            loan.Commit(writer.Complete());
        }
        finally
        {
            loan.Dispose();
        }
    }

    /// <summary>Runs on Cyclone's receive thread: completes the calls whose replies arrived.</summary>
    private void TakeReplies()
    {
        lock (_receiveGate)
        {
            _replies.TakeEach(_complete);
        }
    }

    private void Complete(ReadOnlySpan<byte> payload, ulong publicationHandle)
    {
        var reader = new CdrReader(payload);
        ServiceHeader header;
        try
        {
            header = ServiceHeader.Read(ref reader);
        }
        catch (CdrException e)
        {
            Node.Logger.LogWarning("Dropped a malformed reply of service '{Service}': {Error}", Name, e.Message);
            return;
        }

        // Every client of the service sees every reply; only ours, for a call still waiting, matter.
        if (header.ClientGuid != _requests.InstanceHandle || !_pending.TryRemove(header.Sequence, out TaskCompletionSource<object>? completion))
        {
            return;
        }

        try
        {
            object response = _responseType.CreateInstance();
            _responseType.Deserialize(ref reader, response);
            completion.TrySetResult(response);
        }
        catch (CdrException e)
        {
            completion.TrySetException(new ServiceCallException($"service '{Name}' sent a reply that could not be read: {e.Message}", e));
        }
    }
}
