using BenchmarkDotNet.Attributes;
using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Interfaces;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>
/// A 640x480 rgb8 image (921,600 bytes of pixels) serialized and deserialized, against a plain
/// Span.CopyTo of the same bytes in the same run. Target: each at ≥ 50% of the copy's bandwidth,
/// i.e. a time ratio to the baseline of at most 2.
/// </summary>
[MemoryDiagnoser]
public class ImageBandwidthBenchmark
{
    private const int PixelBytes = 640 * 480 * 3;

    private readonly Image _image = new()
    {
        Height = 480,
        Width = 640,
        Encoding = "rgb8",
        Step = 640 * 3,
        Data = new byte[PixelBytes],
    };

    private readonly Image _received = new();
    private readonly byte[] _copyTarget = new byte[PixelBytes];
    private byte[] _payload = [];

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_image.Data);
        _image.Header.FrameId = "camera_optical_frame";
        _payload = RosSerializer.Serialize(_image);
        RosSerializer.Deserialize(_payload, _received);
    }

    [Benchmark(Baseline = true)]
    public void SpanCopyTo() => _image.Data.AsSpan().CopyTo(_copyTarget);

    [Benchmark]
    public int Serialize()
    {
        var writer = new CdrWriter(_payload);
        Image.Serialize(ref writer, _image);
        return writer.Complete();
    }

    [Benchmark]
    public void Deserialize()
    {
        var reader = new CdrReader(_payload);
        Image.Deserialize(ref reader, _received);
    }
}
