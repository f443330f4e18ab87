using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>A flag any thread can raise to wake a wait set (executors use one to be interrupted).</summary>
public sealed unsafe class DdsGuardCondition : DdsEntity
{
    internal DdsGuardCondition(DdsParticipant participant)
        : base(DdsNative.dds_create_guardcondition(participant.Entity), "guard condition")
    {
    }

    /// <summary>Raises the flag; a wait set it is attached to wakes up.</summary>
    public void Trigger() => DdsException.ThrowIfError(DdsNative.dds_set_guardcondition(Entity, 1), "trigger guard condition");

    /// <summary>Lowers the flag and says whether it was raised.</summary>
    public bool Take()
    {
        byte triggered = 0;
        DdsException.ThrowIfError(DdsNative.dds_take_guardcondition(Entity, &triggered), "take guard condition");
        return triggered != 0;
    }
}
