using PhysicalAI.Onnx;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Inference;

namespace PhysicalAI.Policy.Tests;

/// <summary>Deterministic DDIM through the real ONNX Runtime, against the same steps done by hand.</summary>
public class DdimSamplerTests
{
    // ε(x, t) = 0.3·x + 0.001·t on actions [1, 3, 2].
    private static byte[] Denoiser() => new OnnxGraphBuilder("denoiser")
        .Input("x_t", OnnxElementType.Float, 1, 3, 2)
        .Input("t", OnnxElementType.Float, 1)
        .Initializer("a", [1], [0.3f])
        .Initializer("b", [1], [0.001f])
        .Node("Mul", ["x_t", "a"], ["ax"])
        .Node("Mul", ["t", "b"], ["bt"])
        .Node("Add", ["ax", "bt"], ["eps"])
        .Output("eps", OnnxElementType.Float, 1, 3, 2)
        .ToModel();

    [Test]
    public void FiveSteps_MatchTheHandComputedUpdates()
    {
        using var runner = new OnnxModelRunner(Denoiser(), "denoiser.onnx",
            [new TensorContract("x_t", [1, 3, 2]), new TensorContract("t", [1])], [new TensorContract("eps", [1, 3, 2])]);
        var schedule = new DdimSchedule(100, 0.0001, 0.02);
        var sampler = new DdimSampler(runner, "x_t", "t", "eps", steps: 5, schedule, seed: 11);
        float[] chunk = sampler.Sample().ToArray();

        // Leading spacing over 100 timesteps in 5 steps: 80, 60, 40, 20, 0.
        Assert.That(sampler.Timesteps, Is.EqualTo(new[] { 80, 60, 40, 20, 0 }));

        double[] alphaBar = new double[100];
        double product = 1;
        for (int i = 0; i < 100; i++)
        {
            product *= 1 - (0.0001 + ((0.02 - 0.0001) * i / 99));
            alphaBar[i] = product;
        }

        var random = new Random(11);
        double[] x = [.. Enumerable.Range(0, 6).Select(_ =>
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            return (double)(float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        })];
        int[] ts = [80, 60, 40, 20, 0];
        for (int k = 0; k < 5; k++)
        {
            double a = alphaBar[ts[k]], prev = k < 4 ? alphaBar[ts[k + 1]] : 1;
            for (int i = 0; i < 6; i++)
            {
                double eps = (0.3 * x[i]) + (0.001 * ts[k]);
                double x0 = (x[i] - (Math.Sqrt(1 - a) * eps)) / Math.Sqrt(a);
                x[i] = (Math.Sqrt(prev) * x0) + (Math.Sqrt(1 - prev) * eps);
            }
        }

        Assert.That(chunk, Is.EqualTo(x).Within(1e-4));
    }

    [Test]
    public void ADenoiserThatKnowsTheTrueNoise_GivesBackTheCleanChunk()
    {
        // ε(x_t, t) = (x_t − √ᾱ_t·x₀) / √(1 − ᾱ_t) is exactly the noise in x_t for a fixed clean chunk x₀: then every
        // DDIM step's x̂₀ is x₀, and the last step (ᾱ_prev = 1) returns it, whatever the starting noise.
        const int T = 50;
        float[] x0 = [0.5f, -1.25f, 2f, 0.125f, -0.75f, 1f];
        float[] sqrtAlpha = new float[T], sqrtOneMinus = new float[T];
        double product = 1;
        for (int i = 0; i < T; i++)
        {
            product *= 1 - (0.001 + ((0.05 - 0.001) * i / (T - 1)));
            sqrtAlpha[i] = (float)Math.Sqrt(product);
            sqrtOneMinus[i] = (float)Math.Sqrt(1 - product);
        }

        byte[] oracle = new OnnxGraphBuilder("oracle")
            .Input("x_t", OnnxElementType.Float, 1, 3, 2)
            .Input("t", OnnxElementType.Float, 1)
            .Initializer("x0", [1, 3, 2], x0)
            .Initializer("sqrt_alpha", [T], sqrtAlpha)
            .Initializer("sqrt_one_minus", [T], sqrtOneMinus)
            .Node("Cast", ["t"], ["index"], ("to", 7L))
            .Node("Gather", ["sqrt_alpha", "index"], ["a"])
            .Node("Gather", ["sqrt_one_minus", "index"], ["b"])
            .Node("Mul", ["x0", "a"], ["signal"])
            .Node("Sub", ["x_t", "signal"], ["noise_part"])
            .Node("Div", ["noise_part", "b"], ["eps"])
            .Output("eps", OnnxElementType.Float, 1, 3, 2)
            .ToModel();
        using var runner = new OnnxModelRunner(oracle, "oracle.onnx",
            [new TensorContract("x_t", [1, 3, 2]), new TensorContract("t", [1])], [new TensorContract("eps", [1, 3, 2])]);
        foreach (int steps in new[] { 1, 5, 50 })
        {
            var sampler = new DdimSampler(runner, "x_t", "t", "eps", steps, new DdimSchedule(T, 0.001, 0.05), seed: steps);
            Assert.That(sampler.Sample().ToArray(), Is.EqualTo(x0).Within(1e-4), $"{steps} steps");
        }
    }

    [Test]
    public void SamplingAllocatesNothing()
    {
        using var runner = new OnnxModelRunner(Denoiser(), "denoiser.onnx",
            [new TensorContract("x_t", [1, 3, 2]), new TensorContract("t", [1])], [new TensorContract("eps", [1, 3, 2])]);
        var sampler = new DdimSampler(runner, "x_t", "t", "eps", 10, new DdimSchedule(1000, 0.0001, 0.02), seed: 1);
        for (int i = 0; i < 20; i++)
        {
            sampler.Sample();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            sampler.Sample();
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
