using BenchmarkDotNet.Attributes;
using PhysicalAI.Policy.Imaging;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>
/// A 640x480 rgb8 camera frame into a 224x224 NCHW float tensor normalized with ImageNet's mean and std,
/// for each resize mode. Target: at most 1 ms median on one core, 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class ImagePreprocessBenchmark
{
    private readonly byte[] _frame = [.. Enumerable.Range(0, 640 * 480 * 3).Select(i => (byte)((i * 7) + (i / 1920)))];
    private readonly float[] _tensor = new float[3 * 224 * 224];
    private ImagePreprocessor _preprocessor = null!;

    [Params(ResizeMode.Stretch, ResizeMode.PadToSquare, ResizeMode.CenterCrop)]
    public ResizeMode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _preprocessor = new ImagePreprocessor(new ImageInputSpec
        {
            Width = 224,
            Height = 224,
            Mode = Mode,
            Mean = [0.485, 0.456, 0.406],
            Std = [0.229, 0.224, 0.225],
        });
        Preprocess();
    }

    [Benchmark]
    public void Preprocess() => _preprocessor.Process(_frame, 640, 480, 640 * 3, PixelEncoding.Rgb8, _tensor);
}
