using System.Text;

namespace PhysicalAI.Ros.Cdr.Tests;

public class CdrStringTests
{
    private static byte[] WriteString(string value, CdrEndianness endianness = CdrEndianness.Little)
    {
        var buffer = new byte[64];
        var w = new CdrWriter(buffer, endianness);
        w.WriteString(value, "data");
        return buffer[..w.Complete()];
    }

    [Test]
    public void WriteString_Hello_MatchesRmwSerialize()
    {
        Assert.That(Hex.Format(WriteString("hello")), Is.EqualTo("000100000600000068656c6c6f00"));
    }

    [Test]
    public void WriteString_Empty_IsLengthOneAndNul()
    {
        Assert.That(Hex.Format(WriteString(string.Empty)), Is.EqualTo("000100000100000000"));
    }

    [Test]
    public void WriteString_NonAscii_CountsUtf8Bytes()
    {
        byte[] bytes = WriteString("é✓");
        Assert.That(Hex.Format(bytes), Is.EqualTo("0001000006000000" + "c3a9e29c9300"));
    }

    [Test]
    public void ReadString_LengthZero_IsEmpty()
    {
        var r = new CdrReader(Hex.Parse("00010000 00000000"));
        Assert.That(r.ReadString("data"), Is.Empty);
    }

    [Test]
    public void ReadString_BigEndianLength_IsHonoured()
    {
        var r = new CdrReader(Hex.Parse("00000000 00000003 686900"));
        Assert.That(r.ReadString("data"), Is.EqualTo("hi"));
    }

    [Test]
    public void ReadString_MissingNul_NamesOffsetOfLastByte()
    {
        var r = new CdrReader(Hex.Parse("00010000 03000000 686921"));
        CdrException e = CdrAssert.ThrowsOnRead(r, static (ref CdrReader x) => x.ReadString("frame_id"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.MissingNulTerminator));
            Assert.That(e.Offset, Is.EqualTo(10));
            Assert.That(e.Field, Is.EqualTo("frame_id"));
        });
    }

    [Test]
    public void ReadString_LengthBeyondPayload_IsRejectedBeforeAllocating()
    {
        var r = new CdrReader(Hex.Parse("00010000 ffffffff 6869"));
        long before = GC.GetAllocatedBytesForCurrentThread();
        CdrException e = CdrAssert.ThrowsOnRead(r, static (ref CdrReader x) => x.ReadString("data"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.LengthExceedsPayload));
            Assert.That(e.Offset, Is.EqualTo(4));
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(64 * 1024), "no allocation sized by the hostile length");
        });
    }

    [Test]
    public void BoundedString_OverBound_IsRejectedOnBothSides()
    {
        CdrException write = CdrAssert.ThrowsOnWrite(64, static (ref CdrWriter x) => x.WriteString("toolong", "name", bound: 3));

        var r = new CdrReader(WriteString("toolong"));
        CdrException read = CdrAssert.ThrowsOnRead(r, static (ref CdrReader x) => x.ReadString("name", bound: 3));
        Assert.Multiple(() =>
        {
            Assert.That(write.Kind, Is.EqualTo(CdrErrorKind.BoundExceeded));
            Assert.That(read.Kind, Is.EqualTo(CdrErrorKind.BoundExceeded));
            Assert.That(read.Message, Does.Contain("bound of 3"));
        });
    }

    [Test]
    public void ReadString_EqualToReuse_ReturnsSameInstance()
    {
        string existing = new StringBuilder("joint_1").ToString();
        var r = new CdrReader(WriteString("joint_1"));
        string read = r.ReadString("name", reuse: existing);
        Assert.That(read, Is.SameAs(existing));
    }

    [Test]
    public void ReadString_DifferentFromReuse_ReturnsNewString()
    {
        var r = new CdrReader(WriteString("joint_2"));
        Assert.That(r.ReadString("name", reuse: "joint_1"), Is.EqualTo("joint_2"));
    }

    [TestCase(CdrEndianness.Little)]
    [TestCase(CdrEndianness.Big)]
    public void WString_IsCountThenFourByteUnits(CdrEndianness endianness)
    {
        var buffer = new byte[64];
        var w = new CdrWriter(buffer, endianness);
        w.WriteWString("hé", "text");
        byte[] bytes = buffer[..w.Complete()];
        string expected = endianness == CdrEndianness.Little
            ? "00010000" + "02000000" + "68000000" + "e9000000"
            : "00000000" + "00000002" + "00000068" + "000000e9";
        var r = new CdrReader(bytes);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Hex.Format(bytes), Is.EqualTo(expected));
            Assert.That(r.ReadWString("text"), Is.EqualTo("hé"));
        }
    }

    [Test]
    public void ReadWString_UnitAboveUtf16_IsInvalidValue()
    {
        var r = new CdrReader(Hex.Parse("00010000 01000000 00000100"));
        CdrException e = CdrAssert.ThrowsOnRead(r, static (ref CdrReader x) => x.ReadWString("text"));
        Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.InvalidValue));
    }

    [Test]
    public void WriteString_Null_IsNullMember()
    {
        CdrException e = CdrAssert.ThrowsOnWrite(64, static (ref CdrWriter x) => x.WriteString(null, "frame_id"));

        Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.NullMember));
    }

    [Test]
    public void ReadStringSequence_BadElement_NamesIndex()
    {
        var r = new CdrReader(Hex.Parse("00010000 02000000 03000000 6a3100 00 03000000 6a3221"));
        CdrException e = CdrAssert.ThrowsOnRead(r, static (ref CdrReader x) => x.ReadStringSequence("name", null));
        Assert.That(e.Field, Is.EqualTo("name[1]"));
    }
}
