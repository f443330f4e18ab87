using System.Runtime.InteropServices;
using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>
/// Native memory for one payload being written. Fill <see cref="Payload"/> and call <see cref="Commit"/>;
/// a loan that is disposed without a commit is freed and nothing is written.
/// </summary>
public unsafe ref struct DdsWriteLoan
{
    private readonly DdsWriter _writer;
    private DdsSerdata* _serdata;
    private readonly int _capacity;

    internal DdsWriteLoan(DdsWriter writer, DdsSerdata* serdata, int capacity)
    {
        _writer = writer;
        _serdata = serdata;
        _capacity = capacity;
    }

    /// <summary>Room for the payload, encapsulation header first.</summary>
    public readonly Span<byte> Payload => _serdata == null ? default : new Span<byte>(DdsSerdata.Payload(_serdata), _capacity);

    /// <summary>Writes the first <paramref name="length"/> bytes of <see cref="Payload"/> (zero-padded to a multiple of 4, as ROS 2 does).</summary>
    public void Commit(int length)
    {
        if (_serdata == null)
        {
            throw new InvalidOperationException("this write was already committed or abandoned");
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _capacity);
        int padded = (length + 3) & ~3;
        if (padded > length)
        {
            NativeMemory.Clear(DdsSerdata.Payload(_serdata) + length, (nuint)(padded - length));
        }

        _serdata->Size = (uint)padded;
        DdsSerdata* serdata = _serdata;
        _serdata = null;
        _writer.Commit(serdata);
    }

    /// <summary>Frees the memory if the payload was never committed.</summary>
    public void Dispose()
    {
        if (_serdata != null)
        {
            DdsNative.ddsi_serdata_unref(_serdata);
            _serdata = null;
        }
    }
}
