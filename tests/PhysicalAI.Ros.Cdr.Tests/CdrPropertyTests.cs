using CsCheck;

namespace PhysicalAI.Ros.Cdr.Tests;

/// <summary>
/// Random sequences of CDR fields: what the size calculator measures is what the writer writes, the
/// reader gives back what was written in either byte order, and every truncation or random payload
/// fails with a <see cref="CdrException"/> and nothing else.
/// </summary>
public class CdrPropertyTests
{
    private enum Kind
    {
        Bool, Int8, Int16, UInt32, Int64, Float32, Float64, String, WString, DoubleSeq, ByteSeq, StringSeq, FloatArray3,
    }

    private sealed record Field(Kind Kind, long Integer, double Real, string Text, double[] Reals, byte[] Bytes, string[] Texts);

    private static readonly Gen<Field> FieldGen =
        Gen.Select(Gen.Enum<Kind>(), Gen.Long, Gen.Double, Gen.String[0, 12], Gen.Double.Array[0, 6], Gen.Byte.Array[0, 9], Gen.String[0, 5].Array[0, 4])
            .Select(t => new Field(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7));

    private static readonly Gen<Field[]> ScriptGen = FieldGen.Array[0, 12];

    [Test]
    public void MeasureWriteRead_AgreeInBothByteOrders()
    {
        ScriptGen.Sample(script =>
        {
            foreach (CdrEndianness endianness in new[] { CdrEndianness.Little, CdrEndianness.Big })
            {
                var size = new CdrSizeCalculator();
                foreach (Field f in script)
                {
                    Measure(ref size, f);
                }

                byte[] buffer = new byte[size.Size];
                var writer = new CdrWriter(buffer, endianness);
                foreach (Field f in script)
                {
                    Write(ref writer, f);
                }

                if (writer.Complete() != buffer.Length)
                {
                    return false;
                }

                var reader = new CdrReader(buffer);
                foreach (Field f in script)
                {
                    if (!ReadAndCompare(ref reader, f))
                    {
                        return false;
                    }
                }

                if (reader.Remaining != 0)
                {
                    return false;
                }
            }

            return true;
        }, iter: 3000);
    }

    [Test]
    public void EveryTruncation_ThrowsCdrExceptionOnly()
    {
        ScriptGen.Where(s => s.Length > 0).Sample(script =>
        {
            var size = new CdrSizeCalculator();
            foreach (Field f in script)
            {
                Measure(ref size, f);
            }

            byte[] buffer = new byte[size.Size];
            var writer = new CdrWriter(buffer);
            foreach (Field f in script)
            {
                Write(ref writer, f);
            }

            for (int cut = 0; cut < buffer.Length; cut++)
            {
                try
                {
                    var reader = new CdrReader(buffer.AsSpan(0, cut));
                    foreach (Field f in script)
                    {
                        ReadAndCompare(ref reader, f);
                    }

                    // A strict prefix can't hold every field: the last one ends exactly at the full length.
                    return false;
                }
                catch (CdrException e) when (e.Offset <= cut)
                {
                }
            }

            return true;
        }, iter: 500);
    }

    [Test]
    public void RandomBytes_NeverThrowAnythingButCdrException()
    {
        Gen.Select(ScriptGen, Gen.Byte.Array[0, 96]).Sample((script, noise) =>
        {
            byte[] payload = [0, 1, 0, 0, .. noise];
            try
            {
                var reader = new CdrReader(payload);
                foreach (Field f in script)
                {
                    ReadAndCompare(ref reader, f);
                }
            }
            catch (CdrException)
            {
            }
        }, iter: 5000);
    }

    private static void Measure(ref CdrSizeCalculator size, Field f)
    {
        switch (f.Kind)
        {
            case Kind.Bool: size.AddPrimitive<bool>(); break;
            case Kind.Int8: size.AddPrimitive<sbyte>(); break;
            case Kind.Int16: size.AddPrimitive<short>(); break;
            case Kind.UInt32: size.AddPrimitive<uint>(); break;
            case Kind.Int64: size.AddPrimitive<long>(); break;
            case Kind.Float32: size.AddPrimitive<float>(); break;
            case Kind.Float64: size.AddPrimitive<double>(); break;
            case Kind.String: size.AddString(f.Text); break;
            case Kind.WString: size.AddWString(f.Text); break;
            case Kind.DoubleSeq: size.AddPrimitiveSequence<double>(f.Reals.Length); break;
            case Kind.ByteSeq: size.AddPrimitiveSequence<byte>(f.Bytes.Length); break;
            case Kind.StringSeq: size.AddSequenceLength(); size.AddStringArray(f.Texts); break;
            case Kind.FloatArray3: size.AddPrimitiveArray<float>(3); break;
        }
    }

    private static void Write(ref CdrWriter w, Field f)
    {
        switch (f.Kind)
        {
            case Kind.Bool: w.WriteBool((f.Integer & 1) != 0); break;
            case Kind.Int8: w.WriteInt8((sbyte)f.Integer); break;
            case Kind.Int16: w.WriteInt16((short)f.Integer); break;
            case Kind.UInt32: w.WriteUInt32((uint)f.Integer); break;
            case Kind.Int64: w.WriteInt64(f.Integer); break;
            case Kind.Float32: w.WriteFloat32((float)f.Real); break;
            case Kind.Float64: w.WriteFloat64(f.Real); break;
            case Kind.String: w.WriteString(f.Text, "s"); break;
            case Kind.WString: w.WriteWString(f.Text, "w"); break;
            case Kind.DoubleSeq: w.WritePrimitiveSequence<double>(f.Reals, "d"); break;
            case Kind.ByteSeq: w.WritePrimitiveSequence<byte>(f.Bytes, "b"); break;
            case Kind.StringSeq: w.WriteStringSequence(f.Texts, "ss"); break;
            case Kind.FloatArray3: w.WritePrimitiveArray<float>(Float3(f), "f3"); break;
        }
    }

    private static float[] Float3(Field f) => [(float)f.Real, (float)f.Integer, -(float)f.Real];

    private static bool ReadAndCompare(ref CdrReader r, Field f)
    {
        switch (f.Kind)
        {
            case Kind.Bool: return r.ReadBool("x") == ((f.Integer & 1) != 0);
            case Kind.Int8: return r.ReadInt8("x") == (sbyte)f.Integer;
            case Kind.Int16: return r.ReadInt16("x") == (short)f.Integer;
            case Kind.UInt32: return r.ReadUInt32("x") == (uint)f.Integer;
            case Kind.Int64: return r.ReadInt64("x") == f.Integer;
            case Kind.Float32: return r.ReadFloat32("x").Equals((float)f.Real);
            case Kind.Float64: return r.ReadFloat64("x").Equals(f.Real);
            case Kind.String: return r.ReadString("x") == Utf8RoundTrip(f.Text);
            case Kind.WString: return r.ReadWString("x") == f.Text;
            case Kind.DoubleSeq: return r.ReadPrimitiveSequence<double>("x", null).AsSpan().SequenceEqual(f.Reals);
            case Kind.ByteSeq: return r.ReadPrimitiveSequence<byte>("x", null).AsSpan().SequenceEqual(f.Bytes);
            case Kind.StringSeq: return r.ReadStringSequence("x", null).SequenceEqual(f.Texts.Select(Utf8RoundTrip));
            case Kind.FloatArray3:
                float[] values = new float[3];
                r.ReadPrimitiveArray<float>(values, "x");
                return values.AsSpan().SequenceEqual(Float3(f));
            default: return false;
        }
    }

    /// <summary>Lone surrogates become U+FFFD in UTF-8, exactly as any UTF-8 encoder would write them.</summary>
    private static string Utf8RoundTrip(string s) => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(s));
}
