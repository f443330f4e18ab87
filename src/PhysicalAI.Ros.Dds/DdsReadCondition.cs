using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>Triggers while its reader holds any sample: what an executor waits on for a subscription.</summary>
public sealed class DdsReadCondition : DdsEntity
{
    internal DdsReadCondition(DdsEntity reader)
        : base(DdsNative.dds_create_readcondition(reader.Entity, DdsNative.AnyState), "read condition of " + reader.Description)
    {
    }
}
