namespace PhysicalAI.Ros.Cdr.Tests;

public class CdrSequenceTests
{
    [Test]
    public void EmptyDoubleSequence_IsOnlyTheCount()
    {
        var buffer = new byte[64];
        var w = new CdrWriter(buffer);
        w.WritePrimitiveSequence<double>([], "effort");
        w.WriteUInt8(7);
        Assert.That(Hex.Format(buffer.AsSpan(0, w.Complete())), Is.EqualTo("00010000" + "00000000" + "07"));
    }

    [Test]
    public void DoubleSequence_AlignsElementsToEight()
    {
        var buffer = new byte[64];
        var w = new CdrWriter(buffer);
        w.WritePrimitiveSequence<double>([0.5], "position");
        Assert.That(Hex.Format(buffer.AsSpan(0, w.Complete())), Is.EqualTo("00010000" + "01000000" + "00000000" + "000000000000e03f"));
    }

    [TestCase(CdrEndianness.Little)]
    [TestCase(CdrEndianness.Big)]
    public void PrimitiveSequences_RoundTripInBothByteOrders(CdrEndianness endianness)
    {
        double[] doubles = [1.5, -2.25, double.MaxValue, double.Epsilon];
        float[] floats = [0.1f, -3f];
        short[] shorts = [-1, 2, short.MinValue];
        byte[] bytes = [1, 2, 3, 4, 5];
        var buffer = new byte[256];
        var w = new CdrWriter(buffer, endianness);
        w.WritePrimitiveSequence<byte>(bytes, "b");
        w.WritePrimitiveSequence<double>(doubles, "d");
        w.WritePrimitiveSequence<short>(shorts, "s");
        w.WritePrimitiveSequence<float>(floats, "f");
        int length = w.Complete();

        var r = new CdrReader(buffer.AsSpan(0, length));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(r.ReadPrimitiveSequence<byte>("b", null), Is.EqualTo(bytes));
            Assert.That(r.ReadPrimitiveSequence<double>("d", null), Is.EqualTo(doubles));
            Assert.That(r.ReadPrimitiveSequence<short>("s", null), Is.EqualTo(shorts));
            Assert.That(r.ReadPrimitiveSequence<float>("f", null), Is.EqualTo(floats));
        }
    }

    [Test]
    public void ReadPrimitiveSequence_MatchingLength_FillsTheSameArray()
    {
        var buffer = new byte[64];
        var w = new CdrWriter(buffer);
        w.WritePrimitiveSequence<double>([1, 2, 3], "position");
        int length = w.Complete();
        double[] existing = new double[3];
        var r = new CdrReader(buffer.AsSpan(0, length));
        double[] read = r.ReadPrimitiveSequence("position", existing);
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.SameAs(existing));
            Assert.That(read, Is.EqualTo(new double[] { 1, 2, 3 }));
        });
    }

    [Test]
    public void ReadSequence_HugeCount_IsRejectedBeforeAllocating()
    {
        var r = new CdrReader(Hex.Parse("00010000 ffffff7f 00000000 00000000"));
        long before = GC.GetAllocatedBytesForCurrentThread();
        CdrException e = CdrAssert.ThrowsOnRead(r, static (ref CdrReader x) => x.ReadPrimitiveSequence<double>("data", null));
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.LengthExceedsPayload));
            Assert.That(e.Offset, Is.EqualTo(4));
            Assert.That(e.Field, Is.EqualTo("data"));
            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(64 * 1024));
        });
    }

    [Test]
    public void BoundedSequence_OverBound_IsRejectedOnBothSides()
    {
        CdrException write = CdrAssert.ThrowsOnWrite(64, static (ref CdrWriter x) => x.WritePrimitiveSequence<int>([1, 2], "range", bound: 1));

        var r = new CdrReader(Hex.Parse("00010000 02000000 01000000 02000000"));
        CdrException read = CdrAssert.ThrowsOnRead(r, static (ref CdrReader x) => x.ReadPrimitiveSequence<int>("range", null, bound: 1));
        Assert.Multiple(() =>
        {
            Assert.That(write.Kind, Is.EqualTo(CdrErrorKind.BoundExceeded));
            Assert.That(read.Kind, Is.EqualTo(CdrErrorKind.BoundExceeded));
        });
    }

    [Test]
    public void ReadBoolSequence_NonzeroBytes_AreTrue()
    {
        var r = new CdrReader(Hex.Parse("00010000 03000000 00 02 ff"));
        bool[] values = r.ReadBoolSequence("flags", null);
        Assert.That(values, Is.EqualTo(new[] { false, true, true }));
        Assert.That(values[2] == true, Is.True, "normalized to a canonical true");
    }

    [Test]
    public void FixedArray_WrongLength_IsRejected()
    {
        CdrException e = CdrAssert.ThrowsOnWrite(64, static (ref CdrWriter x) => x.RequireArrayLength(8, 9, "k"));

        Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.ArrayLengthMismatch));
    }
}
