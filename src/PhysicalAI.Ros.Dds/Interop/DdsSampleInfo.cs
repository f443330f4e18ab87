namespace PhysicalAI.Ros.Dds.Interop;

/// <summary><c>dds_sample_info_t</c>, 64 bytes.</summary>
internal struct DdsSampleInfo
{
    public uint SampleState;
    public uint ViewState;
    public uint InstanceState;
    public byte ValidData;
    public long SourceTimestamp;
    public ulong InstanceHandle;
    public ulong PublicationHandle;
    public uint DisposedGenerationCount;
    public uint NoWritersGenerationCount;
    public uint SampleRank;
    public uint GenerationRank;
    public uint AbsoluteGenerationRank;

    /// <summary><c>DDS_ALIVE_INSTANCE_STATE</c>.</summary>
    public const uint InstanceAlive = 16;
}
