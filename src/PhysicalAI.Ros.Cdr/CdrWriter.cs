using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PhysicalAI.Ros.Cdr;

/// <summary>
/// Writes a plain CDR (XCDR1) payload, encapsulation header first, byte for byte as ROS 2 serializes it.
/// </summary>
/// <remarks>
/// Size the destination with <see cref="CdrSizeCalculator"/> (generated messages expose their serialized
/// size); the writer checks every write against the span and throws <see cref="CdrException"/> rather
/// than overrun it. Padding bytes are written as zeros.
/// </remarks>
public ref partial struct CdrWriter
{
    private readonly Span<byte> _buffer;
    private readonly bool _swap;
    private int _position;

    /// <summary>Starts a payload in <paramref name="buffer"/> and writes its encapsulation header.</summary>
    public CdrWriter(Span<byte> buffer, CdrEndianness endianness = CdrEndianness.Little)
    {
        CdrEncapsulation.WriteHeader(buffer, endianness);
        _buffer = buffer;
        _position = CdrEncapsulation.HeaderSize;
        Endianness = endianness;
        _swap = (endianness == CdrEndianness.Little) != BitConverter.IsLittleEndian;
    }

    /// <summary>Byte order being written.</summary>
    public CdrEndianness Endianness { get; }

    /// <summary>Bytes written so far, header included.</summary>
    public readonly int Offset => _position;

    /// <summary>Writes a ROS <c>bool</c> as <c>00</c> or <c>01</c>.</summary>
    public void WriteBool(bool value) => WritePrimitive(value ? (byte)1 : (byte)0);

    /// <summary>Writes a ROS <c>byte</c>, <c>char</c> or <c>uint8</c>.</summary>
    public void WriteUInt8(byte value) => WritePrimitive(value);

    /// <summary>Writes a ROS <c>int8</c>.</summary>
    public void WriteInt8(sbyte value) => WritePrimitive(value);

    /// <summary>Writes a ROS <c>int16</c>.</summary>
    public void WriteInt16(short value) => WritePrimitive(value);

    /// <summary>Writes a ROS <c>uint16</c>.</summary>
    public void WriteUInt16(ushort value) => WritePrimitive(value);

    /// <summary>Writes a ROS <c>int32</c>.</summary>
    public void WriteInt32(int value) => WritePrimitive(value);

    /// <summary>Writes a ROS <c>uint32</c>.</summary>
    public void WriteUInt32(uint value) => WritePrimitive(value);

    /// <summary>Writes a ROS <c>int64</c>.</summary>
    public void WriteInt64(long value) => WritePrimitive(value);

    /// <summary>Writes a ROS <c>uint64</c>.</summary>
    public void WriteUInt64(ulong value) => WritePrimitive(value);

    /// <summary>Writes a ROS <c>float32</c>.</summary>
    public void WriteFloat32(float value) => WritePrimitive(value);

    /// <summary>Writes a ROS <c>float64</c>.</summary>
    public void WriteFloat64(double value) => WritePrimitive(value);

    /// <summary>Writes one fixed-size primitive, aligned to its size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WritePrimitive<T>(T value) where T : unmanaged
    {
        int start = Reserve(CdrPrimitive.AlignmentOf<T>(), Unsafe.SizeOf<T>(), "(primitive)");
        if (_swap)
        {
            value = CdrPrimitive.Swap(value);
        }

        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), start), value);
    }

    /// <summary>Writes a sequence's element count after checking it against the sequence's bound.</summary>
    public void WriteSequenceLength(int count, string field, int bound = CdrReader.Unbounded)
    {
        if (bound >= 0 && count > bound)
        {
            CdrThrow.BoundExceeded(_position, field, count, bound, "element(s)");
        }

        WritePrimitive((uint)count);
    }

    /// <summary>Writes the elements of a fixed array or sequence of primitives in one block copy.</summary>
    public void WritePrimitiveArray<T>(scoped ReadOnlySpan<T> values, string field) where T : unmanaged
    {
        if (values.IsEmpty)
        {
            return;
        }

        long byteCount = (long)values.Length * Unsafe.SizeOf<T>();
        int start = Reserve(CdrPrimitive.AlignmentOf<T>(), byteCount, field);
        Span<byte> target = _buffer.Slice(start, (int)byteCount);
        if (_swap)
        {
            CdrPrimitive.CopySwapped(values, target);
        }
        else
        {
            MemoryMarshal.AsBytes(values).CopyTo(target);
        }
    }

    /// <summary>Writes a sequence of primitives: the count, then the elements in one block copy.</summary>
    public void WritePrimitiveSequence<T>(scoped ReadOnlySpan<T> values, string field, int bound = CdrReader.Unbounded) where T : unmanaged
    {
        WriteSequenceLength(values.Length, field, bound);
        WritePrimitiveArray(values, field);
    }

    /// <summary>Checks that a fixed array has exactly the declared number of elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void RequireArrayLength(int actual, int expected, string field)
    {
        if (actual != expected)
        {
            CdrThrow.ArrayLengthMismatch(_position, field, actual, expected);
        }
    }

    /// <summary>
    /// Ends the payload and returns its length, padded as <paramref name="padding"/> says.
    /// </summary>
    public int Complete(CdrTrailingPadding padding = CdrTrailingPadding.None)
    {
        if (padding == CdrTrailingPadding.None)
        {
            return _position;
        }

        int pad = -_position & 3;
        int start = Reserve(1, pad, "(trailing padding)");
        _buffer.Slice(start, pad).Clear();
        if (padding == CdrTrailingPadding.Announced)
        {
            _buffer[3] = (byte)pad;
        }

        return _position;
    }

    /// <summary>Aligns to <paramref name="alignment"/>, zeroing the padding, and claims <paramref name="size"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Reserve(int alignment, long size, string field)
    {
        int padding = -(_position - CdrEncapsulation.HeaderSize) & (alignment - 1);
        int start = _position + padding;
        if ((ulong)start + (ulong)size > (ulong)_buffer.Length)
        {
            CdrThrow.BufferTooSmall(_position, field, padding + size, _buffer.Length - _position);
        }

        if (padding != 0)
        {
            _buffer.Slice(_position, padding).Clear();
        }

        _position = start + (int)size;
        return start;
    }
}
