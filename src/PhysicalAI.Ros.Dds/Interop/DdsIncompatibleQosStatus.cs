namespace PhysicalAI.Ros.Dds.Interop;

/// <summary><c>dds_requested_incompatible_qos_status_t</c> and <c>dds_offered_incompatible_qos_status_t</c> (same layout).</summary>
internal struct DdsIncompatibleQosStatus
{
    public uint TotalCount;
    public int TotalCountChange;
    public uint LastPolicyId;
}
