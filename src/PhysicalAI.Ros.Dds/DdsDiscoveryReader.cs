using System.Runtime.InteropServices;
using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>Reads one of the DDS built-in discovery topics: participants, publications or subscriptions on the domain.</summary>
public sealed unsafe class DdsDiscoveryReader : DdsEntity
{
    private const int Batch = 32;

    internal DdsDiscoveryReader(DdsParticipant participant, DdsDiscoveryTopic topic)
        : base(DdsNative.dds_create_reader(participant.Entity, BuiltinTopic(topic), null, null), $"discovery reader of {topic}")
    {
        Topic = topic;
    }

    /// <summary>Which built-in topic this reads.</summary>
    public DdsDiscoveryTopic Topic { get; }

    /// <summary>A condition that triggers while there are discovery changes to take.</summary>
    public DdsReadCondition CreateReadCondition() => new(this);

    /// <summary>Takes every pending change.</summary>
    public List<DdsDiscoveredEntity> TakeChanges()
    {
        var changes = new List<DdsDiscoveredEntity>();
        void** buffer = stackalloc void*[Batch];
        DdsSampleInfo* info = stackalloc DdsSampleInfo[Batch];
        while (true)
        {
            buffer[0] = null;
            int count = DdsNative.dds_take(Entity, buffer, info, Batch, Batch);
            if (count == (int)DdsReturnCode.NoData || count == 0)
            {
                return changes;
            }

            DdsException.ThrowIfError(count, "take from", Description);
            try
            {
                for (int i = 0; i < count; i++)
                {
                    changes.Add(Convert(buffer[i], info[i]));
                }
            }
            finally
            {
                DdsNative.dds_return_loan(Entity, buffer, count);
            }

            if (count < Batch)
            {
                return changes;
            }
        }
    }

    private DdsDiscoveredEntity Convert(void* sample, in DdsSampleInfo info)
    {
        bool alive = info.InstanceState == DdsSampleInfo.InstanceAlive && info.ValidData != 0;
        if (!alive || sample == null)
        {
            return new DdsDiscoveredEntity(false, info.InstanceHandle, default, default, string.Empty, string.Empty, new DdsQos());
        }

        if (Topic == DdsDiscoveryTopic.Participants)
        {
            var participant = (DdsBuiltinTopicParticipant*)sample;
            var gid = new DdsGid(participant->Key);
            return new DdsDiscoveredEntity(true, info.InstanceHandle, gid, gid, string.Empty, string.Empty, DdsQos.FromNative(participant->Qos));
        }

        var endpoint = (DdsBuiltinTopicEndpoint*)sample;
        return new DdsDiscoveredEntity(
            true,
            info.InstanceHandle,
            new DdsGid(endpoint->Key),
            new DdsGid(endpoint->ParticipantKey),
            Marshal.PtrToStringUTF8((nint)endpoint->TopicName) ?? string.Empty,
            Marshal.PtrToStringUTF8((nint)endpoint->TypeName) ?? string.Empty,
            DdsQos.FromNative(endpoint->Qos));
    }

    private static int BuiltinTopic(DdsDiscoveryTopic topic) => topic switch
    {
        DdsDiscoveryTopic.Participants => DdsNative.BuiltinTopicDcpsParticipant,
        DdsDiscoveryTopic.Publications => DdsNative.BuiltinTopicDcpsPublication,
        _ => DdsNative.BuiltinTopicDcpsSubscription,
    };
}
