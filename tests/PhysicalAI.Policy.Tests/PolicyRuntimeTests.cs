using PhysicalAI.Onnx;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Policy.Inference;

namespace PhysicalAI.Policy.Tests;

/// <summary>Card, preprocessing, normalization, ONNX Runtime and un-normalization together, on a generated policy with known math.</summary>
public class PolicyRuntimeTests
{
    private const string Card = """
        name: tiny_act
        graphs: {model: tiny_act.onnx}
        control_rate: 30
        images:
          - {input: image, topic: /front_camera/image_raw, width: 4, height: 4, max_age: 0.2}
        state:
          input: state
          joints: [a, b]
          width: 4
          max_age: 0.1
          normalization: {kind: mean_std, mean: [1.0, 2.0], std: [2.0, 4.0]}
        actions:
          output: action
          horizon: 3
          dims: 4
          meaning: absolute
          joints: [a, b]
          normalization: {kind: min_max, min: [-1.0, -1.0], max: [3.0, 3.0]}
        """;

    // action[k][d] = (k + 1) · state[d mod 2] + mean(image).
    private static byte[] Model()
    {
        var k = new float[4 * 12];
        for (int step = 0; step < 3; step++)
        {
            for (int d = 0; d < 4; d++)
            {
                k[((d % 2) * 12) + (step * 4) + d] = step + 1;
            }
        }

        return new OnnxGraphBuilder("tiny_act")
            .Input("image", OnnxElementType.Float, 1, 3, 4, 4)
            .Input("state", OnnxElementType.Float, 1, 4)
            .Initializer("K", [4, 12], k)
            .Initializer("shape", [3], [1L, 3L, 4L])
            .Node("MatMul", ["state", "K"], ["flat"])
            .Node("Reshape", ["flat", "shape"], ["chunk"])
            .Node("ReduceMean", ["image"], ["brightness"], ("keepdims", 0L))
            .Node("Add", ["chunk", "brightness"], ["action"])
            .Output("action", OnnxElementType.Float, 1, 3, 4)
            .ToModel();
    }

    [Test]
    public void AChunk_IsTheModelsMath_BetweenTheCardsNormalizations()
    {
        using var runtime = new PolicyRuntime(PolicyCardLoader.Parse(Card, "tiny_act.yaml"), Model(), null);
        byte[] frame = [.. Enumerable.Repeat((byte)51, 6 * 5 * 3)];
        runtime.SetImage(0, frame, 6, 5, 18, PixelEncoding.Rgb8);
        runtime.SetState([2.0, 0.0]);
        var actions = new double[6];
        runtime.Infer(actions);

        double sa = (2.0 - 1) / 2, sb = (0.0 - 2) / 4, brightness = 51 / 255.0;
        double[] expected = [.. Enumerable.Range(0, 3).SelectMany(k => new[] { sa, sb }.Select(s => ((((k + 1) * s) + brightness) * 2) + 1))];
        Assert.That(actions, Is.EqualTo(expected).Within(1e-5));
    }

    [Test]
    public void InferenceAllocatesNothing()
    {
        using var runtime = new PolicyRuntime(PolicyCardLoader.Parse(Card, "tiny_act.yaml"), Model(), null);
        byte[] frame = new byte[640 * 480 * 3];
        var actions = new double[6];
        for (int i = 0; i < 50; i++)
        {
            runtime.SetImage(0, frame, 640, 480, 1920, PixelEncoding.Rgb8);
            runtime.SetState([i * 0.01, 0.0]);
            runtime.Infer(actions);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            runtime.SetImage(0, frame, 640, 480, 1920, PixelEncoding.Rgb8);
            runtime.SetState([i * 0.01, 0.0]);
            runtime.Infer(actions);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void AModelWithoutTheCardsCamera_IsRefused()
    {
        PolicyCard card = PolicyCardLoader.Parse(Card.Replace("input: image", "input: observation.images.front", StringComparison.Ordinal), "/models/tiny_act.yaml");
        Assert.That(() => new PolicyRuntime(card, Model(), null), Throws.TypeOf<PolicyModelException>().With.Message.EqualTo(
            "/models/tiny_act.onnx: the model's inputs differ from the policy card's: expected observation.images.front float[1, 3, 4, 4]; state float[1, 4]; the model has image float[1, 3, 4, 4]; state float[1, 4]"));
    }
}
