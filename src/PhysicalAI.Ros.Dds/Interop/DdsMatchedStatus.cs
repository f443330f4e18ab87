namespace PhysicalAI.Ros.Dds.Interop;

/// <summary><c>dds_publication_matched_status_t</c> and <c>dds_subscription_matched_status_t</c> (same layout).</summary>
internal struct DdsMatchedStatus
{
    public uint TotalCount;
    public int TotalCountChange;
    public uint CurrentCount;
    public int CurrentCountChange;
    public ulong LastHandle;
}
