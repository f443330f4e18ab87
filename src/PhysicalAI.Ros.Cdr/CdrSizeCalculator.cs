using System.Runtime.CompilerServices;
using System.Text;

namespace PhysicalAI.Ros.Cdr;

/// <summary>
/// Computes the exact serialized size of a payload by walking it as <see cref="CdrWriter"/> would,
/// alignment included, without writing anything.
/// </summary>
/// <remarks>Starts after the encapsulation header, so <see cref="Size"/> is the full payload size.</remarks>
public struct CdrSizeCalculator
{
    private long _position;

    /// <summary>Starts measuring a payload: the header is already counted.</summary>
    public CdrSizeCalculator() => _position = CdrEncapsulation.HeaderSize;

    /// <summary>Bytes measured so far, header included.</summary>
    /// <exception cref="CdrException">The message would be larger than 2 GiB, which no CDR buffer can hold.</exception>
    public readonly int Size => _position <= int.MaxValue
        ? (int)_position
        : throw new CdrException(CdrErrorKind.BufferTooSmall, 0, "(message)", $"the message needs {_position} bytes, more than a CDR payload can hold");

    /// <summary>Counts one primitive of type <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddPrimitive<T>() where T : unmanaged => Add(CdrPrimitive.AlignmentOf<T>(), Unsafe.SizeOf<T>());

    /// <summary>Counts <paramref name="count"/> primitives without a length (a fixed array, or sequence elements).</summary>
    public void AddPrimitiveArray<T>(int count) where T : unmanaged
    {
        if (count > 0)
        {
            Add(CdrPrimitive.AlignmentOf<T>(), (long)count * Unsafe.SizeOf<T>());
        }
    }

    /// <summary>Counts a sequence of primitives: the uint32 count and the elements.</summary>
    public void AddPrimitiveSequence<T>(int count) where T : unmanaged
    {
        AddPrimitive<uint>();
        AddPrimitiveArray<T>(count);
    }

    /// <summary>Counts a sequence's uint32 element count.</summary>
    public void AddSequenceLength() => AddPrimitive<uint>();

    /// <summary>Counts a ROS <c>string</c>. A null string counts as empty; the writer refuses it.</summary>
    public void AddString(string? value)
    {
        AddPrimitive<uint>();
        _position += (value is null ? 0 : Encoding.UTF8.GetByteCount(value)) + 1;
    }

    /// <summary>Counts a ROS <c>wstring</c>.</summary>
    public void AddWString(string? value)
    {
        AddPrimitive<uint>();
        _position += (long)(value?.Length ?? 0) * sizeof(uint);
    }

    /// <summary>Counts the strings of a fixed array or sequence (without the count).</summary>
    public void AddStringArray(ReadOnlySpan<string> values)
    {
        foreach (string value in values)
        {
            AddString(value);
        }
    }

    /// <summary>Counts the wide strings of a fixed array or sequence (without the count).</summary>
    public void AddWStringArray(ReadOnlySpan<string> values)
    {
        foreach (string value in values)
        {
            AddWString(value);
        }
    }

    /// <summary>Pads the payload to a multiple of 4, as <see cref="CdrTrailingPadding.ZeroFill"/> does.</summary>
    public void AddTrailingPadding() => _position += -_position & 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int alignment, long size)
    {
        _position += -(_position - CdrEncapsulation.HeaderSize) & (alignment - 1);
        _position += size;
    }
}
