using PhysicalAI.Ros.Dds.Interop;
using PhysicalAI.Ros.Dds.Serdata;

namespace PhysicalAI.Ros.Dds;

/// <summary>Reads CDR payloads (encapsulation header included) from one topic.</summary>
public sealed unsafe class DdsReader : DdsEntity
{
    /// <summary>Most samples one <see cref="TakeBatch"/> returns.</summary>
    public const int BatchCapacity = 32;

    private readonly DdsEntityHandle _topic;

    // Native arrays for batched takes, reused by every call (one consumer thread at a time).
    private readonly Lock _takeGate = new();
    private bool _taking;
    private bool _freeAfterTake;
    private readonly DdsSerdata** _batchSamples;
    private readonly DdsSampleInfo* _batchInfos;

    private DdsDataAvailableListener? _listener;

    internal DdsReader(DdsParticipant participant, string topicName, string typeName, DdsQos qos)
        : base(CreateReader(participant, topicName, typeName, qos, out DdsEntityHandle topic), $"reader on {topicName}")
    {
        _topic = topic;
        TopicName = topicName;
        TypeName = typeName;
        Qos = qos;
        Gid = DdsEntityQueries.Guid(Entity, Description);
        DdsException.ThrowIfError(DdsNative.dds_set_status_mask(Entity, DdsNative.RequestedIncompatibleQosStatus), "set status mask of", Description);
        _batchSamples = (DdsSerdata**)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)(BatchCapacity * sizeof(DdsSerdata*)));
        _batchInfos = (DdsSampleInfo*)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)(BatchCapacity * sizeof(DdsSampleInfo)));
    }

    /// <summary>DDS topic name.</summary>
    public string TopicName { get; }

    /// <summary>DDS type name.</summary>
    public string TypeName { get; }

    /// <summary>The QoS the reader was created with.</summary>
    public DdsQos Qos { get; }

    /// <summary>The reader's GUID (its ROS 2 GID).</summary>
    public DdsGid Gid { get; }

    /// <summary>How many writers are matched now.</summary>
    public int MatchedWriterCount
    {
        get
        {
            DdsMatchedStatus status;
            DdsException.ThrowIfError(DdsNative.dds_get_subscription_matched_status(Entity, &status), "get matched status of", Description);
            return (int)status.CurrentCount;
        }
    }

    /// <summary>The writers matched now, with their QoS (USER_DATA included).</summary>
    public IReadOnlyList<DdsDiscoveredEntity> MatchedWriters() => DdsMatchedEndpoints.OfReader(Entity);

    /// <summary>The matched writer a sample came from (<see cref="DdsSample.PublicationHandle"/>), or null if it is gone.</summary>
    public DdsDiscoveredEntity? MatchedWriter(ulong publicationHandle) => DdsMatchedEndpoints.WriterOf(Entity, publicationHandle);

    /// <summary>A condition that triggers while this reader holds samples.</summary>
    public DdsReadCondition CreateReadCondition() => new(this);

    /// <summary>
    /// Takes the next sample, if any. Invalid samples (a writer went away) are returned too, with
    /// <see cref="DdsSample.IsValid"/> false. Dispose the sample to release its memory.
    /// </summary>
    public bool TryTake(out DdsSample sample)
    {
        DdsSerdata* serdata = null;
        DdsSampleInfo info;
        int count = DdsNative.dds_takecdr(Entity, &serdata, 1, &info, DdsNative.AnyState);
        if (count <= 0)
        {
            sample = default;
            if (count < 0 && count != (int)DdsReturnCode.NoData)
            {
                DdsException.ThrowIfError(count, "take from", TopicName);
            }

            return false;
        }

        bool valid = info.ValidData != 0 && serdata != null && serdata->Type != null && CdrTypeSupport.IsOurs(serdata);
        sample = new DdsSample(serdata, valid, info.SourceTimestamp, info.PublicationHandle);
        return true;
    }

    /// <summary>
    /// From now on, runs <paramref name="onDataAvailable"/> on Cyclone's receive thread whenever samples
    /// arrive (it should take them); exceptions it throws go to <paramref name="onError"/>. Samples already
    /// waiting do not trigger it: take them once after setting the listener.
    /// </summary>
    public void SetDataAvailableListener(Action onDataAvailable, Action<Exception> onError)
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException(Description + " already has a listener");
        }

        var listener = new DdsDataAvailableListener(onDataAvailable, onError);
        int rc = DdsNative.dds_set_listener(Entity, listener.Native);
        if (rc < 0)
        {
            listener.Dispose();
            DdsException.ThrowIfError(rc, "set listener of", Description);
        }

        _listener = listener;
    }

    /// <summary>
    /// Takes up to <see cref="BatchCapacity"/> samples in one call into memory the reader keeps for
    /// this purpose: one thread at a time may take batches. Dispose the batch before the next take.
    /// </summary>
    public DdsSampleBatch TakeBatch()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        int count = DdsNative.dds_takecdr(Entity, _batchSamples, BatchCapacity, _batchInfos, DdsNative.AnyState);
        if (count < 0 && count != (int)DdsReturnCode.NoData)
        {
            DdsException.ThrowIfError(count, "take from", TopicName);
        }

        return new DdsSampleBatch(_batchSamples, _batchInfos, Math.Max(0, count));
    }

    /// <summary>
    /// Takes every waiting sample, batch by batch, and hands each valid one to <paramref name="handler"/>
    /// (one thread at a time, as for <see cref="TakeBatch"/>). Pass a cached delegate on hot paths: this
    /// allocates nothing itself.
    /// </summary>
    /// <remarks>
    /// Safe against <see cref="DdsEntity.Dispose()"/> on another thread: that waits for a take in progress
    /// before freeing the sample memory, and a take after it returns without doing anything.
    /// </remarks>
    public void TakeEach(DdsSampleHandler handler)
    {
        lock (_takeGate)
        {
            _taking = true;
            try
            {
                while (!IsDisposed)
                {
                    DdsSampleBatch batch;
                    try
                    {
                        batch = TakeBatch();
                    }
                    catch (Exception e) when (e is ObjectDisposedException or DdsException && IsDisposed)
                    {
                        return;
                    }

                    if (!Deliver(batch, handler))
                    {
                        return;
                    }
                }
            }
            finally
            {
                _taking = false;
                if (_freeAfterTake)
                {
                    FreeBatchMemory();
                }
            }
        }
    }

    /// <summary>Hands the valid samples of <paramref name="batch"/> to <paramref name="handler"/>; returns whether more may be waiting.</summary>
    private static bool Deliver(DdsSampleBatch batch, DdsSampleHandler handler)
    {
        try
        {
            for (int i = 0; i < batch.Count; i++)
            {
                if (batch.IsValid(i))
                {
                    handler(batch.Payload(i), batch.PublicationHandle(i));
                }
            }
        }
        finally
        {
            batch.Dispose();
        }

        return batch.Count == BatchCapacity;
    }

    /// <summary>
    /// Reads and resets the requested-incompatible-QoS status: how many writers were found incompatible
    /// since the last call and the policy that failed last.
    /// </summary>
    public (int NewCount, DdsQosPolicy LastPolicy) TakeIncompatibleQos()
    {
        uint triggered = 0;
        DdsNative.dds_take_status(Entity, &triggered, DdsNative.RequestedIncompatibleQosStatus);
        DdsIncompatibleQosStatus status;
        DdsException.ThrowIfError(DdsNative.dds_get_requested_incompatible_qos_status(Entity, &status), "get incompatible QoS status of", Description);
        return (status.TotalCountChange, (DdsQosPolicy)status.LastPolicyId);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        bool wasOpen = !IsDisposed;
        base.Dispose(disposing);
        if (disposing)
        {
            _topic.Dispose();
            _listener?.Dispose();
        }

        if (wasOpen)
        {
            // After the entity is deleted (which waits for listener callbacks), and once no take is reading them.
            lock (_takeGate)
            {
                // Disposed from inside a TakeEach callback on this thread: the take still reads the memory.
                if (_taking)
                {
                    _freeAfterTake = true;
                }
                else
                {
                    FreeBatchMemory();
                }
            }
        }
    }

    private void FreeBatchMemory()
    {
        System.Runtime.InteropServices.NativeMemory.Free(_batchSamples);
        System.Runtime.InteropServices.NativeMemory.Free(_batchInfos);
        _freeAfterTake = false;
    }

    private static int CreateReader(DdsParticipant participant, string topicName, string typeName, DdsQos qos, out DdsEntityHandle topic)
    {
        int topicEntity = DdsEntityQueries.CreateTopic(participant, topicName, typeName, out _);
        topic = new DdsEntityHandle(topicEntity, "topic " + topicName);
        void* native = qos.CreateNative();
        try
        {
            int reader = DdsNative.dds_create_reader(participant.Entity, topicEntity, native, null);
            if (reader < 0)
            {
                topic.Dispose();
            }

            return reader;
        }
        finally
        {
            DdsNative.dds_delete_qos(native);
        }
    }
}
