using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PhysicalAI.Ros.Cdr;

/// <summary>
/// Reads a plain CDR (XCDR1) payload, encapsulation header first, the way ROS 2 serializes messages.
/// </summary>
/// <remarks>
/// <para>Alignment counts from the end of the 4-byte header, as every ROS 2 RMW does. Each read takes the
/// name of the field it reads so that a bad payload is reported as a <see cref="CdrException"/> with the
/// byte offset and the field; no read ever indexes outside the buffer or allocates more than the payload
/// could describe.</para>
/// <para>Trailing bytes after the last field are ignored: rmw_cyclonedds pads samples to a multiple of 4.</para>
/// </remarks>
public ref partial struct CdrReader
{
    /// <summary>Passed as a bound to mean "no bound".</summary>
    public const int Unbounded = -1;

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly bool _swap;
    private int _position;

    /// <summary>Starts reading <paramref name="payload"/>, which begins with its encapsulation header.</summary>
    /// <exception cref="CdrException">The header is missing or announces a representation other than plain CDR.</exception>
    public CdrReader(ReadOnlySpan<byte> payload)
    {
        Endianness = CdrEncapsulation.ReadHeader(payload);
        _buffer = payload;
        _position = CdrEncapsulation.HeaderSize;
        _swap = (Endianness == CdrEndianness.Little) != BitConverter.IsLittleEndian;
    }

    /// <summary>Byte order announced by the payload's header.</summary>
    public CdrEndianness Endianness { get; }

    /// <summary>Offset of the next byte to read, from the start of the buffer (header included).</summary>
    public readonly int Offset => _position;

    /// <summary>Bytes left after <see cref="Offset"/>.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>Reads a ROS <c>bool</c>: one byte, any nonzero value is true.</summary>
    public bool ReadBool(string field) => ReadPrimitive<byte>(field) != 0;

    /// <summary>Reads a ROS <c>byte</c>, <c>char</c> or <c>uint8</c>.</summary>
    public byte ReadUInt8(string field) => ReadPrimitive<byte>(field);

    /// <summary>Reads a ROS <c>int8</c>.</summary>
    public sbyte ReadInt8(string field) => ReadPrimitive<sbyte>(field);

    /// <summary>Reads a ROS <c>int16</c>.</summary>
    public short ReadInt16(string field) => ReadPrimitive<short>(field);

    /// <summary>Reads a ROS <c>uint16</c>.</summary>
    public ushort ReadUInt16(string field) => ReadPrimitive<ushort>(field);

    /// <summary>Reads a ROS <c>int32</c>.</summary>
    public int ReadInt32(string field) => ReadPrimitive<int>(field);

    /// <summary>Reads a ROS <c>uint32</c>.</summary>
    public uint ReadUInt32(string field) => ReadPrimitive<uint>(field);

    /// <summary>Reads a ROS <c>int64</c>.</summary>
    public long ReadInt64(string field) => ReadPrimitive<long>(field);

    /// <summary>Reads a ROS <c>uint64</c>.</summary>
    public ulong ReadUInt64(string field) => ReadPrimitive<ulong>(field);

    /// <summary>Reads a ROS <c>float32</c>.</summary>
    public float ReadFloat32(string field) => ReadPrimitive<float>(field);

    /// <summary>Reads a ROS <c>float64</c>.</summary>
    public double ReadFloat64(string field) => ReadPrimitive<double>(field);

    /// <summary>Reads one fixed-size primitive, aligned to its size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T ReadPrimitive<T>(string field) where T : unmanaged
    {
        int start = Reserve(CdrPrimitive.AlignmentOf<T>(), Unsafe.SizeOf<T>(), field);
        T value = Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref MemoryMarshal.GetReference(_buffer), start));
        return _swap ? CdrPrimitive.Swap(value) : value;
    }

    /// <summary>
    /// Reads a sequence's element count and checks it against its bound and against the bytes left,
    /// so that a hostile count can never make the caller allocate more than the payload could hold.
    /// </summary>
    /// <param name="field">Field name, for errors.</param>
    /// <param name="minElementSize">The fewest bytes one element can occupy (at least 1).</param>
    /// <param name="bound">Upper bound of a bounded sequence, or <see cref="Unbounded"/>.</param>
    public int ReadSequenceLength(string field, int minElementSize, int bound = Unbounded)
    {
        uint count = ReadPrimitive<uint>(field);
        int countOffset = _position - sizeof(uint);
        if (bound >= 0 && count > (uint)bound)
        {
            CdrThrow.BoundExceeded(countOffset, field, count, bound, "element(s)");
        }

        if (count > (uint)(Remaining / Math.Max(1, minElementSize)))
        {
            CdrThrow.LengthExceedsPayload(countOffset, field, count, minElementSize, Remaining);
        }

        return (int)count;
    }

    /// <summary>
    /// Reads <paramref name="destination"/>.Length primitives in one block copy (a fixed array, or the
    /// elements of a sequence whose count was already read). Nothing is aligned when the span is empty.
    /// </summary>
    public void ReadPrimitiveArray<T>(scoped Span<T> destination, string field) where T : unmanaged
    {
        if (destination.IsEmpty)
        {
            return;
        }

        long byteCount = (long)destination.Length * Unsafe.SizeOf<T>();
        int start = Reserve(CdrPrimitive.AlignmentOf<T>(), byteCount, field);
        Span<byte> target = MemoryMarshal.AsBytes(destination);
        _buffer.Slice(start, target.Length).CopyTo(target);
        if (_swap)
        {
            CdrPrimitive.SwapInPlace(destination);
        }
    }

    /// <summary>Reads a fixed array of ROS <c>bool</c>, mapping every nonzero byte to true.</summary>
    public void ReadBoolArray(scoped Span<bool> destination, string field)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        int start = Reserve(1, destination.Length, field);
        Span<byte> target = MemoryMarshal.AsBytes(destination);
        ReadOnlySpan<byte> source = _buffer.Slice(start, target.Length);
        source.CopyTo(target);

        // A C# bool must be 0 or 1; other nonzero bytes are true on the wire but would compare unequal to true.
        if (source.ContainsAnyExcept((byte)0, (byte)1))
        {
            for (int i = 0; i < target.Length; i++)
            {
                target[i] = target[i] != 0 ? (byte)1 : (byte)0;
            }
        }
    }

    /// <summary>
    /// Reads a sequence of primitives: the count, then the elements in one block copy.
    /// <paramref name="reuse"/> is filled and returned when its length matches, so steady-state reads allocate nothing.
    /// </summary>
    public T[] ReadPrimitiveSequence<T>(string field, T[]? reuse, int bound = Unbounded) where T : unmanaged
    {
        int count = ReadSequenceLength(field, Unsafe.SizeOf<T>(), bound);
        T[] result = Fit(reuse, count);
        ReadPrimitiveArray<T>(result, field);
        return result;
    }

    /// <summary>Reads a sequence of ROS <c>bool</c>; see <see cref="ReadPrimitiveSequence{T}"/>.</summary>
    public bool[] ReadBoolSequence(string field, bool[]? reuse, int bound = Unbounded)
    {
        int count = ReadSequenceLength(field, 1, bound);
        bool[] result = Fit(reuse, count);
        ReadBoolArray(result, field);
        return result;
    }

    /// <summary>Returns <paramref name="reuse"/> when it already has <paramref name="count"/> elements, else a new array.</summary>
    public static T[] Fit<T>(T[]? reuse, int count)
    {
        if (reuse is not null && reuse.Length == count)
        {
            return reuse;
        }

        return count == 0 ? [] : new T[count];
    }

    /// <summary>
    /// Aligns to <paramref name="alignment"/> and claims <paramref name="size"/> bytes, returning where they start.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Reserve(int alignment, long size, string field)
    {
        int padding = -(_position - CdrEncapsulation.HeaderSize) & (alignment - 1);
        int start = _position + padding;
        if ((ulong)start + (ulong)size > (ulong)_buffer.Length)
        {
            CdrThrow.Truncated(_position, field, padding + size, Remaining);
        }

        _position = start + (int)size;
        return start;
    }
}
