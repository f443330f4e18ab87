namespace PhysicalAI.Ros.Dds.Interop;

/// <summary><c>dds_builtintopic_participant_t</c>: a DCPSParticipant sample, 24 bytes.</summary>
internal unsafe struct DdsBuiltinTopicParticipant
{
    public DdsGuid Key;
    public void* Qos;
}
