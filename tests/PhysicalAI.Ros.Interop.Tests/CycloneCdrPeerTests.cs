using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Interfaces;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// Our CDR against an implementation we did not write: Cyclone DDS's serializer with types compiled by
/// its idlc from the same definitions as OMG IDL. Byte-identical output in both byte orders, and each
/// side decodes what the other wrote.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class CycloneCdrPeerTests
{
    public static IEnumerable<string> PeerTypes() => CdrPeerSamples.Types;

    [Test]
    public void PeerCoversTheTypesTheIssueNames()
    {
        Assert.That(PeerTypes(), Is.SupersetOf(new[]
        {
            "std_msgs/msg/String", "sensor_msgs/msg/JointState", "sensor_msgs/msg/Image", "std_msgs/msg/Float64MultiArray",
        }));
    }

    [TestCaseSource(nameof(PeerTypes))]
    public void OurWriter_ProducesCyclonesBytes(string rosType)
    {
        byte[] theirs = CdrPeer.Instance.Encode(rosType);
        byte[] ours = Serialize(rosType, CdrEndianness.Little, CdrTrailingPadding.Announced);
        AssertSameBytes(ours, theirs);
    }

    [TestCaseSource(nameof(PeerTypes))]
    public void OurWriter_ProducesCyclonesBigEndianBytes(string rosType)
    {
        byte[] theirs = CdrPeer.Instance.EncodeBigEndian(rosType);
        byte[] ours = Serialize(rosType, CdrEndianness.Big, CdrTrailingPadding.None);
        AssertSameBytes(ours, theirs);
    }

    [TestCaseSource(nameof(PeerTypes))]
    public void OurReader_DecodesCyclonesBytes(string rosType)
    {
        RosMessageDescriptor d = CdrPeerSamples.Descriptor(rosType);
        object expected = CdrPeerSamples.Create(rosType);
        Assert.Multiple(() =>
        {
            Assert.That(d.Deserialize(CdrPeer.Instance.Encode(rosType)), Is.EqualTo(expected), "little-endian");
            Assert.That(d.Deserialize(CdrPeer.Instance.EncodeBigEndian(rosType)), Is.EqualTo(expected), "big-endian");
        });
    }

    [TestCaseSource(nameof(PeerTypes))]
    public void Cyclone_DecodesOurBytesToTheSameSample(string rosType)
    {
        byte[] reference = CdrPeer.Instance.Encode(rosType);
        foreach (CdrEndianness endianness in new[] { CdrEndianness.Little, CdrEndianness.Big })
        {
            byte[] ours = Serialize(rosType, endianness, CdrTrailingPadding.None);
            byte[]? reencoded = CdrPeer.Instance.DecodeAndReencode(rosType, ours);
            Assert.That(reencoded, Is.Not.Null, $"Cyclone rejected our {endianness}-endian payload");
            AssertSameBytes(reencoded!, reference);
        }
    }

    [Test]
    public void Cyclone_RejectsATruncatedPayloadAsWeDo()
    {
        byte[] ours = Serialize("sensor_msgs/msg/JointState", CdrEndianness.Little, CdrTrailingPadding.None);
        byte[] cut = ours[..(ours.Length - 9)];
        Assert.Multiple(() =>
        {
            Assert.That(CdrPeer.Instance.DecodeAndReencode("sensor_msgs/msg/JointState", cut), Is.Null);
            Assert.Throws<CdrException>(() => CdrPeerSamples.Descriptor("sensor_msgs/msg/JointState").Deserialize(cut));
        });
    }

    private static byte[] Serialize(string rosType, CdrEndianness endianness, CdrTrailingPadding padding)
    {
        object sample = CdrPeerSamples.Create(rosType);
        return sample switch
        {
            Interfaces.StdMsgs.Msg.String m => RosSerializer.Serialize(m, endianness, padding),
            Interfaces.StdMsgs.Msg.Empty m => RosSerializer.Serialize(m, endianness, padding),
            Interfaces.StdMsgs.Msg.Float64MultiArray m => RosSerializer.Serialize(m, endianness, padding),
            Interfaces.SensorMsgs.Msg.JointState m => RosSerializer.Serialize(m, endianness, padding),
            Interfaces.SensorMsgs.Msg.Image m => RosSerializer.Serialize(m, endianness, padding),
            Interfaces.SensorMsgs.Msg.CameraInfo m => RosSerializer.Serialize(m, endianness, padding),
            Interfaces.RclInterfaces.Msg.ParameterDescriptor m => RosSerializer.Serialize(m, endianness, padding),
            Interfaces.TrajectoryMsgs.Msg.JointTrajectory m => RosSerializer.Serialize(m, endianness, padding),
            _ => throw new InvalidOperationException("no typed serializer for " + rosType),
        };
    }

    private static void AssertSameBytes(byte[] actual, byte[] expected)
    {
        int firstDifference = actual.AsSpan().CommonPrefixLength(expected);
        Assert.That(firstDifference == actual.Length && actual.Length == expected.Length, Is.True,
            $"lengths {actual.Length} vs {expected.Length}; first difference at byte {firstDifference}: " +
            $"ours {Around(actual, firstDifference)}, Cyclone's {Around(expected, firstDifference)}");
    }

    private static string Around(byte[] bytes, int index) =>
        Convert.ToHexString(bytes.AsSpan(Math.Min(index, bytes.Length)..Math.Min(bytes.Length, index + 8))).ToLowerInvariant();
}
