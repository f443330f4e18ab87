using System.Runtime.InteropServices;
using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>
/// Owns one Cyclone DDS entity (<c>dds_entity_t</c>) and deletes it when released. Deleting a parent
/// deletes its children, so a child released later finds its entity already gone; that is not an error.
/// </summary>
internal sealed class DdsEntityHandle : SafeHandle
{
    public DdsEntityHandle(int entity, string description)
        : base(0, ownsHandle: true)
    {
        SetHandle(entity);
        Description = description;
    }

    /// <summary>What the entity is, for errors: <c>writer on rt/chatter</c>.</summary>
    public string Description { get; }

    public override bool IsInvalid => handle <= 0;

    /// <summary>The entity id, for calls into libddsc.</summary>
    public int Entity
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return (int)handle;
        }
    }

    protected override bool ReleaseHandle()
    {
        int rc = DdsNative.dds_delete((int)handle);
        return rc >= 0 || rc == (int)DdsReturnCode.AlreadyDeleted || rc == (int)DdsReturnCode.BadParameter;
    }
}
