using PhysicalAI.Onnx;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Policy.Inference;

namespace PhysicalAI.Policy.Tests;

/// <summary>
/// A two-graph policy end to end: the encoder sees the camera, the state and the instruction's token ids; the
/// denoiser integrates a flow whose Euler steps land exactly on the encoder's context, whatever the noise; the
/// actions are deltas from the observed state.
/// </summary>
public class EncoderDenoiserRuntimeTests
{
    private string _folder = string.Empty;

    private const string Card = """
        name: tiny_flow
        graphs:
          model: encoder.onnx
          denoiser: denoiser.onnx
          steps: 4
          method: flow_euler
          seed: 5
          context: [{name: ctx, shape: [1, 2]}]
        control_rate: 20
        images:
          - {input: image, topic: /front_camera/image_raw, width: 2, height: 2, max_age: 0.2}
        state: {input: state, joints: [a, b], max_age: 0.1}
        language: {tokenizer: word_vocab, file: vocab.txt, max_tokens: 5, pad_id: 0, eos_id: 1, ids_input: ids, mask_input: mask}
        actions: {output: v_t, horizon: 3, dims: 2, meaning: delta, joints: [a, b]}
        """;

    [SetUp]
    public void WriteVocabulary()
    {
        _folder = Directory.CreateTempSubdirectory("tiny_flow").FullName;
        File.WriteAllLines(Path.Combine(_folder, "vocab.txt"), ["<pad>", "<eos>", "<unk>", "reach", "the", "red", "cube"]);
    }

    [TearDown]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    // ctx = state + Σ ids·mask + mean(image).
    private static byte[] Encoder() => new OnnxGraphBuilder("encoder")
        .Input("image", OnnxElementType.Float, 1, 3, 2, 2)
        .Input("state", OnnxElementType.Float, 1, 2)
        .Input("ids", OnnxElementType.Int64, 1, 5)
        .Input("mask", OnnxElementType.Int64, 1, 5)
        .Node("Mul", ["ids", "mask"], ["kept"])
        .Node("ReduceSum", ["kept"], ["idsum"], ("keepdims", 0L))
        .Node("Cast", ["idsum"], ["idsumf"], ("to", 1L))
        .Node("ReduceMean", ["image"], ["brightness"], ("keepdims", 0L))
        .Node("Add", ["state", "idsumf"], ["s1"])
        .Node("Add", ["s1", "brightness"], ["ctx"])
        .Output("ctx", OnnxElementType.Float, 1, 2)
        .ToModel();

    // v = (x_t − ctx) / t: the straight path to ctx, which Euler steps follow exactly.
    private static byte[] Denoiser() => new OnnxGraphBuilder("denoiser")
        .Input("x_t", OnnxElementType.Float, 1, 3, 2)
        .Input("t", OnnxElementType.Float, 1)
        .Input("ctx", OnnxElementType.Float, 1, 2)
        .Node("Sub", ["x_t", "ctx"], ["offset"])
        .Node("Div", ["offset", "t"], ["v_t"])
        .Output("v_t", OnnxElementType.Float, 1, 3, 2)
        .ToModel();

    private PolicyRuntime Runtime() => new(PolicyCardLoader.Parse(Card, Path.Combine(_folder, "tiny_flow.yaml")), Encoder(), Denoiser());

    [Test]
    public void TheChunk_IsTheEncodersContext_AsDeltasFromTheState()
    {
        using PolicyRuntime runtime = Runtime();
        Assert.That(runtime.SetInstruction("Reach the red cube"), Is.EqualTo(5));
        runtime.SetImage(0, [.. Enumerable.Repeat((byte)102, 2 * 2 * 3)], 2, 2, 6, PixelEncoding.Rgb8);
        runtime.SetState([0.5, -0.25]);
        var actions = new double[runtime.ChunkLength];
        runtime.Infer(actions);

        // reach the red cube <eos> = 3 + 4 + 5 + 6 + 1 = 19; brightness 102/255 = 0.4.
        double[] ctx = [0.5 + 19 + 0.4, -0.25 + 19 + 0.4];
        double[] expected = [.. Enumerable.Range(0, 3).SelectMany(_ => new[] { ctx[0] + 0.5, ctx[1] - 0.25 })];
        Assert.That(actions, Is.EqualTo(expected).Within(1e-4));

        // A shorter instruction: fewer ids under the mask (reach cube <eos> = 10), padding contributes nothing.
        Assert.That(runtime.SetInstruction("reach cube"), Is.EqualTo(3));
        runtime.Infer(actions);
        Assert.That(actions[0], Is.EqualTo(0.5 + 10 + 0.4 + 0.5).Within(1e-4));
    }

    [Test]
    public void VelocityActions_AreIntegratedFromTheState()
    {
        PolicyCard card = PolicyCardLoader.Parse(Card.Replace("meaning: delta", "meaning: velocity", StringComparison.Ordinal), Path.Combine(_folder, "tiny_flow.yaml"));
        using var runtime = new PolicyRuntime(card, Encoder(), Denoiser());
        runtime.SetInstruction("cube");
        runtime.SetState([1.0, 2.0]);
        var actions = new double[runtime.ChunkLength];
        runtime.Infer(actions);

        // ctx = state + (6 + 1) + 0 (black image); each row adds ctx · 1/20 s.
        double[] v = [1.0 + 7, 2.0 + 7];
        for (int k = 0; k < 3; k++)
        {
            Assert.That(actions[(k * 2) + 0], Is.EqualTo(1.0 + ((k + 1) * v[0] / 20)).Within(1e-4));
            Assert.That(actions[(k * 2) + 1], Is.EqualTo(2.0 + ((k + 1) * v[1] / 20)).Within(1e-4));
        }
    }

    [Test]
    public void InferenceAllocatesNothing()
    {
        using PolicyRuntime runtime = Runtime();
        runtime.SetInstruction("reach the red cube");
        var actions = new double[runtime.ChunkLength];
        byte[] frame = new byte[64 * 48 * 3];
        for (int i = 0; i < 20; i++)
        {
            runtime.SetImage(0, frame, 64, 48, 192, PixelEncoding.Rgb8);
            runtime.SetState([i * 0.01, 0]);
            runtime.Infer(actions);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            runtime.SetImage(0, frame, 64, 48, 192, PixelEncoding.Rgb8);
            runtime.SetState([i * 0.01, 0]);
            runtime.Infer(actions);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void AnEncoderWithoutTheContext_OrAMissingDenoiser_IsRefused()
    {
        PolicyCard card = PolicyCardLoader.Parse(Card.Replace("name: ctx", "name: prefix", StringComparison.Ordinal), Path.Combine(_folder, "tiny_flow.yaml"));
        Assert.That(() => new PolicyRuntime(card, Encoder(), Denoiser()), Throws.TypeOf<PolicyModelException>().With.Message.EqualTo(
            $"{Path.Combine(_folder, "encoder.onnx")}: the model's outputs differ from the policy card's: expected prefix float[1, 2]; the model has ctx float[1, 2]"));
        Assert.That(() => new PolicyRuntime(PolicyCardLoader.Parse(Card, Path.Combine(_folder, "tiny_flow.yaml")), Encoder(), null),
            Throws.TypeOf<PolicyModelException>().With.Message.EqualTo($"{Path.Combine(_folder, "denoiser.onnx")}: 'tiny_flow' declares a denoiser; its model is missing"));
        Assert.That(() => PolicyRuntime.Load(PolicyCardLoader.Parse(Card, Path.Combine(_folder, "tiny_flow.yaml"))),
            Throws.TypeOf<PolicyModelException>().With.Message.StartsWith($"{Path.Combine(_folder, "encoder.onnx")}: cannot read the model:"));
    }

    [Test]
    public void TokenIdsOfTheWrongElementType_AreRefused()
    {
        byte[] floatIds = new OnnxGraphBuilder("encoder")
            .Input("image", OnnxElementType.Float, 1, 3, 2, 2)
            .Input("state", OnnxElementType.Float, 1, 2)
            .Input("ids", OnnxElementType.Float, 1, 5)
            .Input("mask", OnnxElementType.Int64, 1, 5)
            .Node("Identity", ["state"], ["ctx"])
            .Output("ctx", OnnxElementType.Float, 1, 2)
            .ToModel();
        Assert.That(() => new PolicyRuntime(PolicyCardLoader.Parse(Card, Path.Combine(_folder, "tiny_flow.yaml")), floatIds, Denoiser()),
            Throws.TypeOf<PolicyModelException>().With.Message.Contains("expected image float[1, 3, 2, 2]; state float[1, 2]; ids int64[1, 5]; mask int64[1, 5]; the model has").And.Message.Contains("ids float[1, 5]"));
    }
}
