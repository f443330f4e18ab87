namespace PhysicalAI.Ros.Cdr.Tests;

public class CdrEncapsulationTests
{
    [Test]
    public void ReadHeader_CdrLe_IsLittleEndian()
    {
        Assert.That(CdrEncapsulation.ReadHeader(Hex.Parse("00 01 00 00")), Is.EqualTo(CdrEndianness.Little));
    }

    [Test]
    public void ReadHeader_CdrBe_IsBigEndian()
    {
        Assert.That(CdrEncapsulation.ReadHeader(Hex.Parse("00 00 00 00")), Is.EqualTo(CdrEndianness.Big));
    }

    [Test]
    public void ReadHeader_OptionsCarryingPadCount_AreIgnored()
    {
        // Cyclone's own serializer announces its trailing padding in the options.
        Assert.That(CdrEncapsulation.ReadHeader(Hex.Parse("00 01 00 02")), Is.EqualTo(CdrEndianness.Little));
    }

    [TestCase("00 03 00 00", "PL_CDR_LE")]
    [TestCase("00 07 00 00", "CDR2_LE")]
    [TestCase("00 0b 00 00", "D_CDR2_LE")]
    [TestCase("12 34 00 00", "unknown")]
    public void ReadHeader_OtherRepresentation_IsRejectedByName(string header, string name)
    {
        var e = Assert.Throws<CdrException>(() => CdrEncapsulation.ReadHeader(Hex.Parse(header)))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.UnsupportedRepresentation));
            Assert.That(e.Offset, Is.Zero);
            Assert.That(e.Message, Does.Contain(name).And.Contain("CDR_LE"));
        });
    }

    [TestCase(0)]
    [TestCase(3)]
    public void ReadHeader_ShortBuffer_IsTruncated(int length)
    {
        var e = Assert.Throws<CdrException>(() => CdrEncapsulation.ReadHeader(new byte[length]))!;
        Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.Truncated));
    }
}
