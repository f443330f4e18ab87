using PhysicalAI.Ros.Dds.Interop;
using PhysicalAI.Ros.Dds.Serdata;

namespace PhysicalAI.Ros.Dds;

/// <summary>
/// Writes CDR payloads (encapsulation header included) on one topic. The payload goes into native
/// memory that Cyclone takes over, so a write allocates nothing managed.
/// </summary>
public sealed unsafe class DdsWriter : DdsEntity
{
    private readonly DdsEntityHandle _topic;
    private readonly DdsSertype* _sertype;

    internal DdsWriter(DdsParticipant participant, string topicName, string typeName, DdsQos qos, bool batched)
        : base(CreateWriter(participant, topicName, typeName, qos, batched, out DdsEntityHandle topic, out DdsSertype* sertype), $"writer on {topicName}")
    {
        _topic = topic;
        Batched = batched;

        _sertype = sertype;
        TopicName = topicName;
        TypeName = typeName;
        Qos = qos;
        Gid = DdsEntityQueries.Guid(Entity, Description);
        InstanceHandle = DdsEntityQueries.InstanceHandle(Entity, Description);
        DdsException.ThrowIfError(DdsNative.dds_set_status_mask(Entity, DdsNative.OfferedIncompatibleQosStatus), "set status mask of", Description);
    }

    /// <summary>
    /// Whether writes are packed with others into shared packets (sent when a packet fills or on
    /// <see cref="Flush"/>) rather than sent at once. Trades latency for throughput on high-rate streams.
    /// </summary>
    public bool Batched { get; }

    /// <summary>DDS topic name (<c>rt/...</c> for ROS topics).</summary>
    public string TopicName { get; }

    /// <summary>DDS type name.</summary>
    public string TypeName { get; }

    /// <summary>The QoS the writer was created with.</summary>
    public DdsQos Qos { get; }

    /// <summary>The writer's GUID (its ROS 2 GID).</summary>
    public DdsGid Gid { get; }

    /// <summary>The writer's local instance handle (what rmw_cyclonedds puts in a service request header).</summary>
    public ulong InstanceHandle { get; }

    /// <summary>How many readers are matched now.</summary>
    public int MatchedReaderCount
    {
        get
        {
            DdsMatchedStatus status;
            DdsException.ThrowIfError(DdsNative.dds_get_publication_matched_status(Entity, &status), "get matched status of", Description);
            return (int)status.CurrentCount;
        }
    }

    /// <summary>The readers matched now, with their QoS (USER_DATA included).</summary>
    public IReadOnlyList<DdsDiscoveredEntity> MatchedReaders() => DdsMatchedEndpoints.OfWriter(Entity);

    /// <summary>
    /// Starts a write of a payload of at most <paramref name="capacity"/> bytes: fill
    /// <see cref="DdsWriteLoan.Payload"/>, then <see cref="DdsWriteLoan.Commit"/>.
    /// </summary>
    public DdsWriteLoan BeginWrite(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        DdsSerdata* serdata = CdrTypeSupport.Allocate(_sertype, DdsSerdata.KindData, (nuint)((capacity + 3) & ~3));
        return new DdsWriteLoan(this, serdata, capacity);
    }

    /// <summary>Writes a copy of <paramref name="payload"/>.</summary>
    public void Write(ReadOnlySpan<byte> payload)
    {
        DdsWriteLoan loan = BeginWrite(payload.Length);
        payload.CopyTo(loan.Payload);
        loan.Commit(payload.Length);
    }

    /// <summary>Blocks until every matched reliable reader has acknowledged what was written, or the timeout passes.</summary>
    public bool WaitForAcknowledgments(TimeSpan timeout)
    {
        int rc = DdsNative.dds_wait_for_acks(Entity, Math.Max(0, timeout.Ticks * 100));
        if (rc == (int)DdsReturnCode.Timeout)
        {
            return false;
        }

        DdsException.ThrowIfError(rc, "wait for acknowledgments on", Description);
        return true;
    }

    /// <summary>
    /// Reads and resets the offered-incompatible-QoS status: how many readers were found incompatible
    /// since the last call and the policy that failed last.
    /// </summary>
    public (int NewCount, DdsQosPolicy LastPolicy) TakeIncompatibleQos()
    {
        uint triggered = 0;
        DdsNative.dds_take_status(Entity, &triggered, DdsNative.OfferedIncompatibleQosStatus);
        DdsIncompatibleQosStatus status;
        DdsException.ThrowIfError(DdsNative.dds_get_offered_incompatible_qos_status(Entity, &status), "get incompatible QoS status of", Description);
        return (status.TotalCountChange, (DdsQosPolicy)status.LastPolicyId);
    }

    /// <summary>Sends whatever batched writes are still waiting for a packet to fill.</summary>
    public void Flush() => DdsNative.dds_write_flush(Entity);

    internal void Commit(DdsSerdata* serdata)
    {
        // dds_writecdr consumes the reference on every path, errors included.
        int rc = DdsNative.dds_writecdr(Entity, serdata);
        DdsException.ThrowIfError(rc, "write on", TopicName);
        if (!Batched && DdsWriteBatching.IsEnabled)
        {
            DdsNative.dds_write_flush(Entity);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && Batched && !IsDisposed)
        {
            Flush();
        }

        base.Dispose(disposing);
        if (disposing)
        {
            _topic.Dispose();
        }
    }

    private static int CreateWriter(DdsParticipant participant, string topicName, string typeName, DdsQos qos, bool batched, out DdsEntityHandle topic, out DdsSertype* sertype)
    {
        if (batched)
        {
            // A writer takes the batching setting in force when it is created.
            DdsWriteBatching.Enable();
        }

        int topicEntity = DdsEntityQueries.CreateTopic(participant, topicName, typeName, out sertype);
        topic = new DdsEntityHandle(topicEntity, "topic " + topicName);
        void* native = qos.CreateNative();
        try
        {
            int writer = DdsNative.dds_create_writer(participant.Entity, topicEntity, native, null);
            if (writer < 0)
            {
                topic.Dispose();
            }

            return writer;
        }
        finally
        {
            DdsNative.dds_delete_qos(native);
        }
    }
}
