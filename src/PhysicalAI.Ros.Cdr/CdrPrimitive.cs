using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PhysicalAI.Ros.Cdr;

/// <summary>
/// Byte-order handling for the fixed-size primitives CDR carries. The type tests are on generic value
/// types, so the JIT folds each call down to the one branch that applies.
/// </summary>
internal static class CdrPrimitive
{
    /// <summary>CDR aligns a primitive to its own size, capped at 8 (XCDR1 max alignment).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int AlignmentOf<T>() where T : unmanaged => Math.Min(Unsafe.SizeOf<T>(), 8);

    /// <summary>Reverses the byte order of one value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Swap<T>(T value) where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() == 2)
        {
            ushort v = BinaryPrimitives.ReverseEndianness(Unsafe.As<T, ushort>(ref value));
            return Unsafe.As<ushort, T>(ref v);
        }

        if (Unsafe.SizeOf<T>() == 4)
        {
            uint v = BinaryPrimitives.ReverseEndianness(Unsafe.As<T, uint>(ref value));
            return Unsafe.As<uint, T>(ref v);
        }

        if (Unsafe.SizeOf<T>() == 8)
        {
            ulong v = BinaryPrimitives.ReverseEndianness(Unsafe.As<T, ulong>(ref value));
            return Unsafe.As<ulong, T>(ref v);
        }

        return value;
    }

    /// <summary>Reverses the byte order of every element, in place, with the vectorized BCL routines.</summary>
    public static void SwapInPlace<T>(Span<T> values) where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() == 2)
        {
            Span<ushort> v = MemoryMarshal.Cast<T, ushort>(values);
            BinaryPrimitives.ReverseEndianness(v, v);
        }
        else if (Unsafe.SizeOf<T>() == 4)
        {
            Span<uint> v = MemoryMarshal.Cast<T, uint>(values);
            BinaryPrimitives.ReverseEndianness(v, v);
        }
        else if (Unsafe.SizeOf<T>() == 8)
        {
            Span<ulong> v = MemoryMarshal.Cast<T, ulong>(values);
            BinaryPrimitives.ReverseEndianness(v, v);
        }
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> bytes, reversing byte order on the way.</summary>
    public static void CopySwapped<T>(ReadOnlySpan<T> source, Span<byte> destination) where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() == 2)
        {
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<T, ushort>(source), MemoryMarshal.Cast<byte, ushort>(destination));
        }
        else if (Unsafe.SizeOf<T>() == 4)
        {
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<T, uint>(source), MemoryMarshal.Cast<byte, uint>(destination));
        }
        else if (Unsafe.SizeOf<T>() == 8)
        {
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<T, ulong>(source), MemoryMarshal.Cast<byte, ulong>(destination));
        }
        else
        {
            MemoryMarshal.AsBytes(source).CopyTo(destination);
        }
    }
}
