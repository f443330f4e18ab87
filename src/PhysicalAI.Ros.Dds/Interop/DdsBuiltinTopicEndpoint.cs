namespace PhysicalAI.Ros.Dds.Interop;

/// <summary><c>dds_builtintopic_endpoint_t</c>: a DCPSPublication or DCPSSubscription sample, 64 bytes.</summary>
internal unsafe struct DdsBuiltinTopicEndpoint
{
    public DdsGuid Key;
    public DdsGuid ParticipantKey;
    public ulong ParticipantInstanceHandle;
    public byte* TopicName;
    public byte* TypeName;
    public void* Qos;
}
