using BenchmarkDotNet.Attributes;
using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Interfaces;
using PhysicalAI.Ros.Interfaces.BuiltinInterfaces.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>
/// A 7-joint JointState with names, serialized into a reused buffer and read back into a reused
/// instance: the per-message cost of a joint-state publisher and subscriber. Target: ≤ 0.5 µs, 0 B.
/// </summary>
[MemoryDiagnoser]
public class JointStateRoundTripBenchmark
{
    private readonly JointState _message = new()
    {
        Header = new Header { Stamp = new Time { Sec = 1700000000, Nanosec = 123456789 }, FrameId = "base_link" },
        Name = [.. Enumerable.Range(1, 7).Select(i => $"joint_{i}")],
        Position = [.. Enumerable.Range(0, 7).Select(i => i * 0.1)],
        Velocity = [.. Enumerable.Range(0, 7).Select(i => i * -0.2)],
        Effort = [.. Enumerable.Range(0, 7).Select(i => i * 1.5)],
    };

    private readonly JointState _received = new();
    private byte[] _buffer = [];

    [GlobalSetup]
    public void Setup()
    {
        _buffer = new byte[RosSerializer.GetSerializedSize(_message)];
        RoundTrip();
    }

    [Benchmark]
    public int RoundTrip()
    {
        var size = new CdrSizeCalculator();
        JointState.Measure(ref size, _message);
        var writer = new CdrWriter(_buffer.AsSpan(0, size.Size));
        JointState.Serialize(ref writer, _message);
        int length = writer.Complete();
        var reader = new CdrReader(_buffer.AsSpan(0, length));
        JointState.Deserialize(ref reader, _received);
        return length;
    }
}
