using PhysicalAI.Onnx;
using PhysicalAI.Policy.Inference;

namespace PhysicalAI.Policy.Tests;

/// <summary>The denoising loop through the real ONNX Runtime, against the same Euler integration done by hand.</summary>
public class FlowMatchingSamplerTests
{
    // v(x, t) = 2·t − 0.5·x on actions [1, 4, 2]: a field with a known pull toward 4t.
    private static byte[] Denoiser() => new OnnxGraphBuilder("denoiser")
        .Input("x_t", OnnxElementType.Float, 1, 4, 2)
        .Input("t", OnnxElementType.Float, 1)
        .Initializer("half", [1], [0.5f])
        .Initializer("two", [1], [2f])
        .Node("Mul", ["x_t", "half"], ["halfx"])
        .Node("Mul", ["t", "two"], ["twot"])
        .Node("Sub", ["twot", "halfx"], ["v_t"])
        .Output("v_t", OnnxElementType.Float, 1, 4, 2)
        .ToModel();

    private static OnnxModelRunner Runner() => new(Denoiser(), "denoiser.onnx",
        [new TensorContract("x_t", [1, 4, 2]), new TensorContract("t", [1])], [new TensorContract("v_t", [1, 4, 2])]);

    [Test]
    public void TenEulerSteps_MatchTheHandComputedIntegration()
    {
        using OnnxModelRunner runner = Runner();
        var sampler = new FlowMatchingSampler(runner, "x_t", "t", "v_t", steps: 10, seed: 7);
        float[] chunk = sampler.Sample().ToArray();

        // The same noise, then x ← x + Δt·(2t − x/2) for t = 1, 0.9, …, 0.1 with Δt = −0.1.
        var random = new Random(7);
        float[] x = [.. Enumerable.Range(0, 8).Select(_ =>
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        })];
        for (int k = 0; k < 10; k++)
        {
            float t = 1f - (k * 0.1f);
            for (int i = 0; i < x.Length; i++)
            {
                x[i] += -0.1f * ((2 * t) - (0.5f * x[i]));
            }
        }

        Assert.That(chunk, Is.EqualTo(x).Within(1e-5));
    }

    [Test]
    public void TheSameSeed_GivesTheSameChunk_AndSamplingAllocatesNothing()
    {
        using OnnxModelRunner a = Runner(), b = Runner();
        var first = new FlowMatchingSampler(a, "x_t", "t", "v_t", 10, seed: 3);
        var second = new FlowMatchingSampler(b, "x_t", "t", "v_t", 10, seed: 3);
        Assert.That(first.Sample().ToArray(), Is.EqualTo(second.Sample().ToArray()));

        for (int i = 0; i < 20; i++)
        {
            first.Sample();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            first.Sample();
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
