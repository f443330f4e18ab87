namespace PhysicalAI.Ros.Cdr.Tests;

public class CdrPrimitiveTests
{
    private static byte[] Write(CdrEndianness endianness, Action<CdrWriterBox> write)
    {
        var buffer = new byte[256];
        var box = new CdrWriterBox(buffer, endianness);
        write(box);
        return buffer[..box.Complete()];
    }

    [Test]
    public void Alignment_CountsFromEndOfHeader()
    {
        byte[] bytes = Write(CdrEndianness.Little, w =>
        {
            w.Do((ref CdrWriter x) => x.WriteUInt8(0xAA));
            w.Do((ref CdrWriter x) => x.WriteInt16(0x0102));
            w.Do((ref CdrWriter x) => x.WriteUInt8(0xBB));
            w.Do((ref CdrWriter x) => x.WriteInt32(0x03040506));
            w.Do((ref CdrWriter x) => x.WriteUInt8(0xCC));
            w.Do((ref CdrWriter x) => x.WriteFloat64(1.0));
        });

        // Body offsets: u8@0, pad, i16@2, u8@4, pad x3, i32@8, u8@12, pad x3, f64@16 (8-aligned relative to the body).
        Assert.That(Hex.Format(bytes), Is.EqualTo(
            "00010000" + "aa00" + "0201" + "bb000000" + "06050403" + "cc000000" + "000000000000f03f"));
    }

    [Test]
    public void Primitives_BigEndian_AreWrittenMostSignificantFirst()
    {
        byte[] bytes = Write(CdrEndianness.Big, w =>
        {
            w.Do((ref CdrWriter x) => x.WriteInt32(0x01020304));
            w.Do((ref CdrWriter x) => x.WriteFloat64(1.0));
            w.Do((ref CdrWriter x) => x.WriteUInt16(0xA1B2));
        });

        Assert.That(Hex.Format(bytes), Is.EqualTo("00000000" + "01020304" + "00000000" + "3ff0000000000000" + "a1b2"));
    }

    [TestCase(CdrEndianness.Little)]
    [TestCase(CdrEndianness.Big)]
    public void EveryPrimitive_RoundTrips(CdrEndianness endianness)
    {
        byte[] bytes = Write(endianness, w =>
        {
            w.Do((ref CdrWriter x) => x.WriteBool(true));
            w.Do((ref CdrWriter x) => x.WriteInt8(-5));
            w.Do((ref CdrWriter x) => x.WriteUInt8(250));
            w.Do((ref CdrWriter x) => x.WriteInt16(-12345));
            w.Do((ref CdrWriter x) => x.WriteUInt16(54321));
            w.Do((ref CdrWriter x) => x.WriteInt32(-123456789));
            w.Do((ref CdrWriter x) => x.WriteUInt32(3456789012));
            w.Do((ref CdrWriter x) => x.WriteInt64(-1234567890123456789));
            w.Do((ref CdrWriter x) => x.WriteUInt64(12345678901234567890));
            w.Do((ref CdrWriter x) => x.WriteFloat32(-1.5e-3f));
            w.Do((ref CdrWriter x) => x.WriteFloat64(Math.PI));
        });

        var r = new CdrReader(bytes);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.Endianness, Is.EqualTo(endianness));
            Assert.That(r.ReadBool("a"), Is.True);
            Assert.That(r.ReadInt8("b"), Is.EqualTo(-5));
            Assert.That(r.ReadUInt8("c"), Is.EqualTo(250));
            Assert.That(r.ReadInt16("d"), Is.EqualTo(-12345));
            Assert.That(r.ReadUInt16("e"), Is.EqualTo(54321));
            Assert.That(r.ReadInt32("f"), Is.EqualTo(-123456789));
            Assert.That(r.ReadUInt32("g"), Is.EqualTo(3456789012));
            Assert.That(r.ReadInt64("h"), Is.EqualTo(-1234567890123456789));
            Assert.That(r.ReadUInt64("i"), Is.EqualTo(12345678901234567890));
            Assert.That(r.ReadFloat32("j"), Is.EqualTo(-1.5e-3f));
            Assert.That(r.ReadFloat64("k"), Is.EqualTo(Math.PI));
            Assert.That(r.Remaining, Is.Zero);
        }
    }

    [Test]
    public void ReadBool_AnyNonzeroByte_IsTrue()
    {
        var r = new CdrReader(Hex.Parse("00010000 02 00"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.ReadBool("a"), Is.True);
            Assert.That(r.ReadBool("b"), Is.False);
        }
    }

    [Test]
    public void ReadPrimitive_PastEnd_ThrowsTruncatedWithOffsetAndField()
    {
        var r = new CdrReader(Hex.Parse("00010000 01 00 00"));
        CdrException e = CdrAssert.ThrowsOnRead(r, static (ref CdrReader x) =>
        {
            x.ReadUInt8("first");
            x.ReadFloat64("velocity");
        });
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.Truncated));
            Assert.That(e.Offset, Is.EqualTo(5));
            Assert.That(e.Field, Is.EqualTo("velocity"));
            Assert.That(e.Message, Does.Contain("offset 5").And.Contain("'velocity'"));
        });
    }

    [Test]
    public void Writer_BufferTooSmall_Throws()
    {
        CdrException e = CdrAssert.ThrowsOnWrite(6, static (ref CdrWriter x) => x.WriteInt32(1));

        Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.BufferTooSmall));
    }

    [TestCase(CdrTrailingPadding.None, "0001000005", 5)]
    [TestCase(CdrTrailingPadding.ZeroFill, "0001000005000000", 8)]
    [TestCase(CdrTrailingPadding.Announced, "0001000305000000", 8)]
    public void Complete_PadsAsAsked(CdrTrailingPadding padding, string expected, int length)
    {
        var buffer = new byte[16];
        buffer.AsSpan().Fill(0xEE);
        var w = new CdrWriter(buffer);
        w.WriteUInt8(5);
        int written = w.Complete(padding);
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(length));
            Assert.That(Hex.Format(buffer.AsSpan(0, written)), Is.EqualTo(expected));
        });
    }
}
