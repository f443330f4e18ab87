namespace PhysicalAI.Ros.Dds;

/// <summary>A Cyclone DDS entity: participant, writer, reader, condition or wait set.</summary>
public abstract class DdsEntity : IDisposable
{
    private protected DdsEntity(int entity, string description)
    {
        DdsException.ThrowIfError(entity, "create", description);
        Handle = new DdsEntityHandle(entity, description);
    }

    /// <summary>What the entity is, for messages.</summary>
    public string Description => Handle.Description;

    internal DdsEntityHandle Handle { get; }

    internal int Entity => Handle.Entity;

    /// <summary>Whether <see cref="Dispose()"/> has run.</summary>
    public bool IsDisposed => Handle.IsClosed;

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public override string ToString() => Description;

    /// <summary>Deletes the entity (and, in Cyclone, its children).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Handle.Dispose();
        }
    }
}
