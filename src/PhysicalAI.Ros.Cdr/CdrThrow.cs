using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace PhysicalAI.Ros.Cdr;

/// <summary>
/// Builds and throws every <see cref="CdrException"/>. Kept out of line so the read and write paths
/// stay small enough to inline and allocate nothing unless something is wrong.
/// </summary>
public static class CdrThrow
{
    /// <summary>The payload ends <paramref name="needed"/> bytes into a field that has only <paramref name="remaining"/>.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void Truncated(int offset, string field, long needed, int remaining) =>
        throw new CdrException(CdrErrorKind.Truncated, offset, field,
            $"needs {needed} byte(s) but only {remaining} remain");

    /// <summary>A representation other than CDR_LE or CDR_BE.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static CdrEndianness UnsupportedRepresentation(ushort representation) =>
        throw new CdrException(CdrErrorKind.UnsupportedRepresentation, 0, "(encapsulation header)",
            $"representation 0x{representation:x4} ({CdrEncapsulation.DescribeRepresentation(representation)}); " +
            "ROS 2 payloads are plain CDR: 0x0001 (CDR_LE) or 0x0000 (CDR_BE)");

    /// <summary>A count of <paramref name="count"/> elements of at least <paramref name="minElementSize"/> bytes cannot fit.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void LengthExceedsPayload(int offset, string field, uint count, int minElementSize, int remaining) =>
        throw new CdrException(CdrErrorKind.LengthExceedsPayload, offset, field,
            $"length {count} needs at least {(long)count * minElementSize} byte(s) but only {remaining} remain");

    /// <summary>A string whose last byte is not NUL.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void MissingNul(int offset, string field, byte found) =>
        throw new CdrException(CdrErrorKind.MissingNulTerminator, offset, field,
            $"expected the terminating 0x00 but found 0x{found:x2}");

    /// <summary>A bounded string or sequence longer than its bound.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void BoundExceeded(int offset, string field, long length, int bound, string unit) =>
        throw new CdrException(CdrErrorKind.BoundExceeded, offset, field,
            $"{length} {unit} exceed the bound of {bound}");

    /// <summary>A fixed-size array given with the wrong number of elements.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void ArrayLengthMismatch(int offset, string field, int actual, int expected) =>
        throw new CdrException(CdrErrorKind.ArrayLengthMismatch, offset, field,
            $"the array has {actual} element(s) but the type declares exactly {expected}");

    /// <summary>A value its type cannot represent.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void InvalidValue(int offset, string field, string detail) =>
        throw new CdrException(CdrErrorKind.InvalidValue, offset, field, detail);

    /// <summary>A writer ran out of room.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void BufferTooSmall(int offset, string field, long needed, int available) =>
        throw new CdrException(CdrErrorKind.BufferTooSmall, offset, field,
            $"needs {needed} byte(s) but the buffer has {available} left; size it with the message's serialized size");

    /// <summary>A null member where the message type requires a value.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void NullMember(int offset, string field) =>
        throw new CdrException(CdrErrorKind.NullMember, offset, field,
            "the member is null; ROS 2 messages have no null members (use an empty string, array or a new message)");
}
