using CsCheck;
using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Ros.Interfaces.Tests;

/// <summary>
/// Property tests over every generated type: random instances survive serialization in both byte
/// orders, reading into a reused instance gives the same result as a fresh one, and the measured size
/// is the written size.
/// </summary>
public class RoundTripPropertyTests
{
    public static IEnumerable<string> AllMessageTypes() => RosTypeRegistry.MessageTypeNames;

    [Test]
    public void EveryMessageType_IsCovered()
    {
        Assert.That(AllMessageTypes().Count(), Is.GreaterThanOrEqualTo(66), "48 messages plus the request and response of 9 services");
    }

    [TestCaseSource(nameof(AllMessageTypes))]
    public void RandomInstances_RoundTrip(string rosType)
    {
        Assert.That(RosTypeRegistry.TryGetMessage(rosType, out RosMessageDescriptor d), Is.True);
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            object original = RandomMessages.Create(d, random);
            object previous = RandomMessages.Create(d, random);
            foreach (CdrEndianness endianness in new[] { CdrEndianness.Little, CdrEndianness.Big })
            {
                byte[] bytes = Serialize(d, original, endianness);
                object fresh = d.Deserialize(bytes);
                d.Deserialize(bytes, previous);
                if (!original.Equals(fresh) || !original.Equals(previous))
                {
                    return false;
                }
            }

            return true;
        }, iter: 200);
    }

    [TestCaseSource(nameof(AllMessageTypes))]
    public void MeasuredSize_IsWrittenSize(string rosType)
    {
        RosTypeRegistry.TryGetMessage(rosType, out RosMessageDescriptor d);
        Gen.Int.Sample(seed =>
        {
            object message = RandomMessages.Create(d, new Random(seed));
            byte[] bytes = d.Serialize(message);
            byte[] padded = Serialize(d, message, CdrEndianness.Little, CdrTrailingPadding.ZeroFill);
            return padded.Length == (bytes.Length + 3) / 4 * 4 && padded.AsSpan(0, bytes.Length).SequenceEqual(bytes);
        }, iter: 100);
    }

    private static byte[] Serialize(RosMessageDescriptor d, object message, CdrEndianness endianness, CdrTrailingPadding padding = CdrTrailingPadding.None)
    {
        // The untyped descriptor writes little-endian; other forms go through the generic API by type.
        MethodInfoCache.Serialize ??= typeof(RosSerializer).GetMethods()
            .Single(m => m.Name == nameof(RosSerializer.Serialize) && m.GetParameters().Length == 3 && m.ReturnType == typeof(byte[]));
        return (byte[])MethodInfoCache.Serialize.MakeGenericMethod(d.ClrType).Invoke(null, [message, endianness, padding])!;
    }

    private static class MethodInfoCache
    {
        public static System.Reflection.MethodInfo? Serialize;
    }
}
