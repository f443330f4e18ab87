using PhysicalAI.Policy.Imaging;

namespace PhysicalAI.Policy.Loop;

/// <summary>
/// The newest frame of one camera, handed from the thread that receives frames to the inference thread
/// without either waiting on the other's copy: three buffers, one being written, one being read, and the
/// latest complete one. Buffers grow to the largest frame seen, then nothing allocates.
/// </summary>
internal sealed class LatestFrame
{
    private readonly object _gate = new();
    private readonly byte[][] _buffers = [[], [], []];
    private readonly FrameInfo[] _info = new FrameInfo[3];
    private int _latest = -1, _reading = -1;

    /// <summary>Copies a received frame in (one writer).</summary>
    public void Write(ReadOnlySpan<byte> data, int width, int height, int step, PixelEncoding encoding, double stamp)
    {
        int target;
        lock (_gate)
        {
            target = 0;
            while (target == _latest || target == _reading)
            {
                target++;
            }
        }

        if (_buffers[target].Length < data.Length)
        {
            _buffers[target] = new byte[data.Length];
        }

        data.CopyTo(_buffers[target]);
        lock (_gate)
        {
            _info[target] = new FrameInfo(data.Length, width, height, step, encoding, stamp);
            _latest = target;
        }
    }

    /// <summary>The stamp of the newest frame, ROS time in seconds; NaN before the first.</summary>
    public double Stamp
    {
        get
        {
            lock (_gate)
            {
                return _latest >= 0 ? _info[_latest].Stamp : double.NaN;
            }
        }
    }

    /// <summary>Holds the newest frame for reading until <see cref="Release"/> (one reader); false before the first frame.</summary>
    public bool TryAcquire(out ReadOnlySpan<byte> data, out FrameInfo info)
    {
        lock (_gate)
        {
            if (_latest < 0)
            {
                data = default;
                info = default;
                return false;
            }

            _reading = _latest;
            info = _info[_reading];
            data = _buffers[_reading].AsSpan(0, info.Length);
            return true;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _reading = -1;
        }
    }
}

/// <summary>What a stored frame is: its size, layout and stamp.</summary>
internal readonly record struct FrameInfo(int Length, int Width, int Height, int Step, PixelEncoding Encoding, double Stamp);
