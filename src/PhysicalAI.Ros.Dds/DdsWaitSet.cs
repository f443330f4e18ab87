using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>
/// Blocks a thread until attached conditions trigger or a timeout passes, without polling. Each attached
/// entity carries a token the caller chooses; <see cref="Wait"/> reports the tokens that triggered.
/// </summary>
/// <remarks>Waiting on an empty wait set returns at once, so callers keep at least a guard condition attached.</remarks>
public sealed unsafe class DdsWaitSet : DdsEntity
{
    internal DdsWaitSet(DdsParticipant participant)
        : base(DdsNative.dds_create_waitset(participant.Entity), "wait set")
    {
    }

    /// <summary>Attaches <paramref name="entity"/> (a condition, or a reader/writer for its status) with <paramref name="token"/>.</summary>
    public void Attach(DdsEntity entity, nint token) =>
        DdsException.ThrowIfError(DdsNative.dds_waitset_attach(Entity, entity.Entity, token), "attach to wait set:", entity.Description);

    /// <summary>Detaches <paramref name="entity"/>; does nothing if it is already gone.</summary>
    public void Detach(DdsEntity entity)
    {
        if (!entity.IsDisposed && !IsDisposed)
        {
            DdsNative.dds_waitset_detach(Entity, entity.Entity);
        }
    }

    /// <summary>
    /// Waits until something triggers or <paramref name="timeout"/> passes (null: forever). Fills
    /// <paramref name="triggered"/> with the tokens of triggered entities and returns how many triggered
    /// (which may exceed the span's length; the rest are reported on the next wait).
    /// </summary>
    public int Wait(Span<nint> triggered, TimeSpan? timeout)
    {
        long relative = timeout is null ? DdsNative.Infinity : Math.Max(0, timeout.Value.Ticks * 100);
        fixed (nint* tokens = triggered)
        {
            int count = DdsNative.dds_waitset_wait(Entity, tokens, (nuint)triggered.Length, relative);
            return DdsException.ThrowIfError(count, "wait on wait set");
        }
    }
}
