using PhysicalAI.Ros.Dds.Interop;
using PhysicalAI.Ros.Dds.Serdata;

namespace PhysicalAI.Ros.Dds;

/// <summary>
/// Samples taken together by <see cref="DdsReader.TakeBatch"/>. Index it for each sample's payload;
/// <see cref="Dispose"/> releases them all.
/// </summary>
public readonly unsafe ref struct DdsSampleBatch
{
    private readonly DdsSerdata** _samples;
    private readonly DdsSampleInfo* _infos;

    internal DdsSampleBatch(DdsSerdata** samples, DdsSampleInfo* infos, int count)
    {
        _samples = samples;
        _infos = infos;
        Count = count;
    }

    /// <summary>How many samples were taken (0 when there were none).</summary>
    public int Count { get; }

    /// <summary>Whether sample <paramref name="index"/> carries data (false for "writer gone" notifications).</summary>
    public bool IsValid(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        DdsSerdata* serdata = _samples[index];
        return _infos[index].ValidData != 0 && serdata != null && serdata->Type != null && CdrTypeSupport.IsOurs(serdata);
    }

    /// <summary>The payload of sample <paramref name="index"/> (header included, possibly padded to 4); empty when not valid.</summary>
    public ReadOnlySpan<byte> Payload(int index) =>
        IsValid(index) ? new ReadOnlySpan<byte>(DdsSerdata.Payload(_samples[index]), (int)_samples[index]->Size) : default;

    /// <summary>The reader's local handle for the writer sample <paramref name="index"/> came from.</summary>
    public ulong PublicationHandle(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return _infos[index].PublicationHandle;
    }

    /// <summary>Releases every sample of the batch.</summary>
    public void Dispose()
    {
        for (int i = 0; i < Count; i++)
        {
            DdsNative.ddsi_serdata_unref(_samples[i]);
            _samples[i] = null;
        }
    }
}
