using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>
/// One taken sample: its CDR payload in Cyclone's memory, valid until <see cref="Dispose"/>.
/// </summary>
public unsafe ref struct DdsSample
{
    private DdsSerdata* _serdata;

    internal DdsSample(DdsSerdata* serdata, bool isValid, long sourceTimestamp, ulong publicationHandle)
    {
        _serdata = serdata;
        IsValid = isValid;
        SourceTimestamp = sourceTimestamp;
        PublicationHandle = publicationHandle;
    }

    /// <summary>Whether the sample carries data (false for "writer gone" notifications).</summary>
    public readonly bool IsValid { get; }

    /// <summary>Source timestamp, nanoseconds since the Unix epoch.</summary>
    public readonly long SourceTimestamp { get; }

    /// <summary>The reader's local handle for the writer that sent the sample.</summary>
    public readonly ulong PublicationHandle { get; }

    /// <summary>The payload, encapsulation header included, possibly zero-padded to a multiple of 4; empty if not valid.</summary>
    public readonly ReadOnlySpan<byte> Payload =>
        IsValid && _serdata != null ? new ReadOnlySpan<byte>(DdsSerdata.Payload(_serdata), (int)_serdata->Size) : default;

    /// <summary>Releases the sample's memory.</summary>
    public void Dispose()
    {
        if (_serdata != null)
        {
            DdsNative.ddsi_serdata_unref(_serdata);
            _serdata = null;
        }
    }
}
