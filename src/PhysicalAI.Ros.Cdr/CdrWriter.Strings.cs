using System.Text;

namespace PhysicalAI.Ros.Cdr;

public ref partial struct CdrWriter
{
    /// <summary>
    /// Writes a ROS <c>string</c>: uint32 length including the NUL, the UTF-8 bytes, then the NUL.
    /// </summary>
    /// <param name="value">The string; null is refused with a <see cref="CdrException"/> naming <paramref name="field"/>.</param>
    /// <param name="field">Field name, for errors.</param>
    /// <param name="bound">For <c>string&lt;=N</c>: the most bytes the content may have; else <see cref="CdrReader.Unbounded"/>.</param>
    public void WriteString(string? value, string field, int bound = CdrReader.Unbounded)
    {
        if (value is null)
        {
            CdrThrow.NullMember(_position, field);
        }

        int byteCount = Encoding.UTF8.GetByteCount(value);
        if (bound >= 0 && byteCount > bound)
        {
            CdrThrow.BoundExceeded(_position, field, byteCount, bound, "byte(s)");
        }

        WritePrimitive((uint)(byteCount + 1));
        int start = Reserve(1, byteCount + 1, field);
        Span<byte> target = _buffer.Slice(start, byteCount + 1);
        Encoding.UTF8.GetBytes(value, target);
        target[byteCount] = 0;
    }

    /// <summary>Writes a ROS <c>wstring</c>: uint32 count of UTF-16 code units, each as a 4-byte unit.</summary>
    public void WriteWString(string? value, string field, int bound = CdrReader.Unbounded)
    {
        if (value is null)
        {
            CdrThrow.NullMember(_position, field);
        }

        if (bound >= 0 && value.Length > bound)
        {
            CdrThrow.BoundExceeded(_position, field, value.Length, bound, "character(s)");
        }

        WritePrimitive((uint)value.Length);
        foreach (char c in value)
        {
            WritePrimitive((uint)c);
        }
    }

    /// <summary>Writes a sequence of ROS <c>string</c>: the count, then each string.</summary>
    public void WriteStringSequence(scoped ReadOnlySpan<string> values, string field, int bound = CdrReader.Unbounded, int stringBound = CdrReader.Unbounded)
    {
        WriteSequenceLength(values.Length, field, bound);
        WriteStringArray(values, field, stringBound);
    }

    /// <summary>Writes the strings of a fixed array or sequence, without a count.</summary>
    public void WriteStringArray(scoped ReadOnlySpan<string> values, string field, int stringBound = CdrReader.Unbounded)
    {
        int i = 0;
        try
        {
            for (; i < values.Length; i++)
            {
                WriteString(values[i], field, stringBound);
            }
        }
        catch (CdrException e)
        {
            throw e.WithIndex(i);
        }
    }

    /// <summary>Writes a sequence of ROS <c>wstring</c>.</summary>
    public void WriteWStringSequence(scoped ReadOnlySpan<string> values, string field, int bound = CdrReader.Unbounded, int stringBound = CdrReader.Unbounded)
    {
        WriteSequenceLength(values.Length, field, bound);
        WriteWStringArray(values, field, stringBound);
    }

    /// <summary>Writes the wide strings of a fixed array or sequence, without a count.</summary>
    public void WriteWStringArray(scoped ReadOnlySpan<string> values, string field, int stringBound = CdrReader.Unbounded)
    {
        int i = 0;
        try
        {
            for (; i < values.Length; i++)
            {
                WriteWString(values[i], field, stringBound);
            }
        }
        catch (CdrException e)
        {
            throw e.WithIndex(i);
        }
    }
}
