using CsCheck;
using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Interfaces.Description;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;

namespace PhysicalAI.Ros.Interfaces.Tests;

/// <summary>
/// Untrusted payloads for every generated type: random bytes, every truncation of a valid payload and
/// absurd length fields end in a <see cref="CdrException"/> that names an offset inside the payload,
/// never in another exception and never in an allocation sized by the hostile input.
/// </summary>
public class HostileInputTests
{
    public static IEnumerable<string> AllMessageTypes() => RosTypeRegistry.MessageTypeNames;

    [TestCaseSource(nameof(AllMessageTypes))]
    public void RandomBytes_ThrowOnlyCdrException(string rosType)
    {
        RosTypeRegistry.TryGetMessage(rosType, out RosMessageDescriptor d);
        Gen.Byte.Array[0, 200].Sample(noise =>
        {
            byte[] payload = [0, 1, 0, 0, .. noise];
            try
            {
                d.Deserialize(payload);
            }
            catch (CdrException e) when (e.Offset >= 0 && e.Offset <= payload.Length)
            {
            }
        }, iter: 300);
    }

    [TestCaseSource(nameof(AllMessageTypes))]
    public void EveryTruncation_ThrowsCdrExceptionWithinTheCut(string rosType)
    {
        RosTypeRegistry.TryGetMessage(rosType, out RosMessageDescriptor d);
        Gen.Int.Sample(seed =>
        {
            byte[] bytes = d.Serialize(RandomMessages.Create(d, new Random(seed)));
            for (int cut = 0; cut < bytes.Length; cut++)
            {
                try
                {
                    d.Deserialize(bytes.AsSpan(0, cut));
                    return false;
                }
                catch (CdrException e) when (e.Offset <= cut)
                {
                }
            }

            return true;
        }, iter: 20);
    }

    [Test]
    public void Image_HugeDataLength_IsRejectedWithoutAllocating()
    {
        var image = new Image { Encoding = "rgb8", Width = 2, Height = 1, Step = 6, Data = [1, 2, 3, 4, 5, 6] };
        byte[] bytes = RosSerializer.Serialize(image);

        // The data count is the last uint32 before the 6 data bytes.
        int countOffset = bytes.Length - 6 - 4;
        BitConverter.TryWriteBytes(bytes.AsSpan(countOffset), 0x7fff_fff0u);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<CdrException>(() => RosSerializer.Deserialize<Image>(bytes))!;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.LengthExceedsPayload));
            Assert.That(e.Field, Is.EqualTo("data"));
            Assert.That(e.Offset, Is.EqualTo(countOffset));
            Assert.That(allocated, Is.LessThan(1 << 20));
        });
    }

    [Test]
    public void JointTrajectory_HugePointCount_IsRejectedUsingTheElementsMinimumSize()
    {
        // 1000 points, each at least JointTrajectoryPoint.MinSerializedSize bytes, cannot fit in 20 bytes.
        byte[] bytes = TestData.Hex("00010000 00000000 00000000 01000000 00 000000 00000000 e8030000 00000000");
        var e = Assert.Throws<CdrException>(() => RosSerializer.Deserialize<TrajectoryMsgs.Msg.JointTrajectory>(bytes))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Kind, Is.EqualTo(CdrErrorKind.LengthExceedsPayload));
            Assert.That(e.Field, Is.EqualTo("points"));
        });
    }
}
