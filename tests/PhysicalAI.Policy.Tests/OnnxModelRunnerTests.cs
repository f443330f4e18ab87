using PhysicalAI.Onnx;
using PhysicalAI.Policy.Inference;

namespace PhysicalAI.Policy.Tests;

/// <summary>Models written by <see cref="OnnxGraphBuilder"/>, run by the real ONNX Runtime through <see cref="OnnxModelRunner"/>.</summary>
public class OnnxModelRunnerTests
{
    // y = Relu(x · W + b), x [1, 4], W [4, 3], b [3].
    private static readonly float[] W = [0.5f, -1f, 2f, 1.5f, 0.25f, -0.5f, -2f, 1f, 0.75f, 0.1f, 0.2f, 0.3f];
    private static readonly float[] B = [0.1f, -0.2f, 0.05f];

    private static byte[] DenseRelu() => new OnnxGraphBuilder("dense_relu")
        .Input("x", OnnxElementType.Float, 1, 4)
        .Initializer("W", [4, 3], W)
        .Initializer("b", [3], B)
        .Node("MatMul", ["x", "W"], ["xw"])
        .Node("Add", ["xw", "b"], ["pre"])
        .Node("Relu", ["pre"], ["y"])
        .Output("y", OnnxElementType.Float, 1, 3)
        .ToModel();

    private static float[] Expected(float[] x) =>
        [.. Enumerable.Range(0, 3).Select(j => Math.Max(0f, Enumerable.Range(0, 4).Sum(i => x[i] * W[(i * 3) + j]) + B[j]))];

    [Test]
    public void AGeneratedModel_ComputesWhatItsMathSays()
    {
        using var runner = new OnnxModelRunner(DenseRelu(), "dense_relu.onnx", [new TensorContract("x", [1, 4])], [new TensorContract("y", [1, 3])]);
        float[] x = [1f, -0.5f, 0.25f, 2f];
        x.CopyTo(runner.Input("x"));
        runner.Run();
        Assert.That(runner.Output("y").ToArray(), Is.EqualTo(Expected(x)).Within(1e-6));
    }

    [Test]
    public void SteadyStateRuns_AllocateNothing()
    {
        using var runner = new OnnxModelRunner(DenseRelu(), "dense_relu.onnx", [new TensorContract("x", [1, 4])], [new TensorContract("y", [1, 3])]);
        for (int i = 0; i < 100; i++)
        {
            runner.Input("x")[0] = i;
            runner.Run();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            runner.Input("x")[0] = i;
            runner.Run();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        TestContext.Out.WriteLine($"{allocated} B allocated over 1000 runs");
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void AModelThatDiffersFromTheCard_IsOneErrorListingExpectedAndActual()
    {
        Assert.That(
            () => new OnnxModelRunner(DenseRelu(), "policy.onnx", [new TensorContract("observation.state", [1, 7])], [new TensorContract("y", [1, 3])]),
            Throws.TypeOf<PolicyModelException>().With.Message.EqualTo(
                "policy.onnx: the model's inputs differ from the policy card's: expected observation.state float[1, 7]; the model has x float[1, 4]"));
    }

    [Test]
    public void AFileThatIsNotAModel_AndAMissingProvider_AreClearErrors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new OnnxModelRunner([1, 2, 3, 4], "broken.onnx", [], []),
                Throws.TypeOf<PolicyModelException>().With.Message.StartsWith("broken.onnx: ONNX Runtime cannot load the model:"));
            Assert.That(() => new OnnxModelRunner(DenseRelu(), "dense_relu.onnx", [], [], new OnnxRunnerOptions { ExecutionProvider = "cuda" }),
                Throws.TypeOf<PolicyModelException>().With.Message.StartsWith("dense_relu.onnx: execution provider 'cuda' is not in this build (it has the CPU runtime); build with -p:OnnxRuntimePackage=Microsoft.ML.OnnxRuntime.Gpu"));
        });
    }
}
