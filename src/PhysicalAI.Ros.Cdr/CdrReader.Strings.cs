using System.Buffers;
using System.Text;

namespace PhysicalAI.Ros.Cdr;

public ref partial struct CdrReader
{
    /// <summary>
    /// Reads a ROS <c>string</c>: a uint32 length that counts the terminating NUL, the UTF-8 bytes, the NUL.
    /// A length of 0 (no NUL at all) is accepted as the empty string, as rmw_cyclonedds accepts it.
    /// </summary>
    /// <param name="field">Field name, for errors.</param>
    /// <param name="bound">For <c>string&lt;=N</c>: the most bytes the content may have; else <see cref="Unbounded"/>.</param>
    /// <param name="reuse">
    /// The string the field holds now. It is returned instead of a new string when the bytes spell it,
    /// so re-reading unchanged names (joint names, frame ids) allocates nothing.
    /// </param>
    public string ReadString(string field, int bound = Unbounded, string? reuse = null)
    {
        uint length = ReadPrimitive<uint>(field);
        int lengthOffset = _position - sizeof(uint);
        if (length == 0)
        {
            return string.Empty;
        }

        if (length > (uint)Remaining)
        {
            CdrThrow.LengthExceedsPayload(lengthOffset, field, length, 1, Remaining);
        }

        ReadOnlySpan<byte> bytes = _buffer.Slice(_position, (int)length);
        byte last = bytes[^1];
        if (last != 0)
        {
            CdrThrow.MissingNul(_position + (int)length - 1, field, last);
        }

        ReadOnlySpan<byte> content = bytes[..^1];
        if (bound >= 0 && content.Length > bound)
        {
            CdrThrow.BoundExceeded(lengthOffset, field, content.Length, bound, "byte(s)");
        }

        _position += (int)length;
        if (reuse is not null && Ascii.Equals(content, reuse))
        {
            return reuse;
        }

        return content.IsEmpty ? string.Empty : Encoding.UTF8.GetString(content);
    }

    /// <summary>
    /// Reads a ROS <c>wstring</c>: a uint32 count of UTF-16 code units (no terminator), each stored as a
    /// 4-byte unit, as rmw_cyclonedds on Linux and Fast DDS write it.
    /// </summary>
    public string ReadWString(string field, int bound = Unbounded, string? reuse = null)
    {
        int count = ReadSequenceLength(field, sizeof(uint), Unbounded);
        int countOffset = _position - sizeof(uint);
        if (bound >= 0 && count > bound)
        {
            CdrThrow.BoundExceeded(countOffset, field, count, bound, "character(s)");
        }

        if (count == 0)
        {
            return string.Empty;
        }

        char[]? rented = null;
        Span<char> chars = count <= 256 ? stackalloc char[count] : (rented = ArrayPool<char>.Shared.Rent(count)).AsSpan(0, count);
        try
        {
            for (int i = 0; i < count; i++)
            {
                int unitOffset = _position;
                uint unit = ReadPrimitive<uint>(field);
                if (unit > char.MaxValue)
                {
                    CdrThrow.InvalidValue(unitOffset, field, $"wide character 0x{unit:x} at index {i} is not a UTF-16 code unit");
                }

                chars[i] = (char)unit;
            }

            return reuse is not null && chars.SequenceEqual(reuse) ? reuse : new string(chars);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Reads a sequence of ROS <c>string</c>, reusing <paramref name="reuse"/> and the strings in it when they match.
    /// </summary>
    /// <param name="field">Field name, for errors (elements are reported as <c>field[i]</c>).</param>
    /// <param name="reuse">The array the field holds now.</param>
    /// <param name="bound">Sequence bound, or <see cref="Unbounded"/>.</param>
    /// <param name="stringBound">Bound of each string, or <see cref="Unbounded"/>.</param>
    public string[] ReadStringSequence(string field, string[]? reuse, int bound = Unbounded, int stringBound = Unbounded)
    {
        int count = ReadSequenceLength(field, sizeof(uint), bound);
        string[] result = Fit(reuse, count);
        ReadStringArray(result, field, stringBound);
        return result;
    }

    /// <summary>Reads <paramref name="destination"/>.Length strings (a fixed array), reusing equal ones already there.</summary>
    public void ReadStringArray(scoped Span<string> destination, string field, int stringBound = Unbounded)
    {
        int i = 0;
        try
        {
            for (; i < destination.Length; i++)
            {
                destination[i] = ReadString(field, stringBound, destination[i]);
            }
        }
        catch (CdrException e)
        {
            throw e.WithIndex(i);
        }
    }

    /// <summary>Reads a sequence of ROS <c>wstring</c>.</summary>
    public string[] ReadWStringSequence(string field, string[]? reuse, int bound = Unbounded, int stringBound = Unbounded)
    {
        int count = ReadSequenceLength(field, sizeof(uint), bound);
        string[] result = Fit(reuse, count);
        ReadWStringArray(result, field, stringBound);
        return result;
    }

    /// <summary>Reads <paramref name="destination"/>.Length wide strings (a fixed array).</summary>
    public void ReadWStringArray(scoped Span<string> destination, string field, int stringBound = Unbounded)
    {
        int i = 0;
        try
        {
            for (; i < destination.Length; i++)
            {
                destination[i] = ReadWString(field, stringBound, destination[i]);
            }
        }
        catch (CdrException e)
        {
            throw e.WithIndex(i);
        }
    }
}
