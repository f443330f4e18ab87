using PhysicalAI.Onnx;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Policy.Loop;

namespace PhysicalAI.Policy.Tests;

/// <summary>
/// The asynchronous loop's rules on a real ONNX policy whose chunk shows what it saw (state + Σ token ids +
/// brightness, the same for every row): commands per step, refills at the threshold, instruction flushes,
/// stale observations, pausing, over-budget counting, and no allocation per step or inference.
/// </summary>
public class PolicyLoopTests
{
    private const string Card = """
        name: echo
        graphs: {model: echo.onnx}
        control_rate: 10
        images:
          - {input: image, topic: /cam/image_raw, width: 2, height: 2, max_age: 0.5}
        state: {input: state, joints: [a, b], max_age: 0.2}
        language: {tokenizer: word_vocab, file: vocab.txt, max_tokens: 4, pad_id: 0, eos_id: 1, ids_input: ids, mask_input: mask}
        actions: {output: action, horizon: 4, dims: 2, meaning: absolute, joints: [a, b], refill_threshold: 1, steps_per_inference: 4}
        """;

    private string _folder = string.Empty;
    private double _now;

    [SetUp]
    public void WriteVocabulary()
    {
        _folder = Directory.CreateTempSubdirectory("echo").FullName;
        File.WriteAllLines(Path.Combine(_folder, "vocab.txt"), ["<pad>", "<eos>", "<unk>", "red", "green"]);
        _now = 100;
    }

    [TearDown]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    private static byte[] Model() => new OnnxGraphBuilder("echo")
        .Input("image", OnnxElementType.Float, 1, 3, 2, 2)
        .Input("state", OnnxElementType.Float, 1, 2)
        .Input("ids", OnnxElementType.Int64, 1, 4)
        .Input("mask", OnnxElementType.Int64, 1, 4)
        .Initializer("rows", [1, 4, 1], [1f, 1f, 1f, 1f])
        .Node("Mul", ["ids", "mask"], ["kept"])
        .Node("ReduceSum", ["kept"], ["idsum"], ("keepdims", 0L))
        .Node("Cast", ["idsum"], ["idsumf"], ("to", 1L))
        .Node("ReduceMean", ["image"], ["brightness"], ("keepdims", 0L))
        .Node("Add", ["state", "idsumf"], ["s1"])
        .Node("Add", ["s1", "brightness"], ["row"])
        .Node("Mul", ["rows", "row"], ["action"])
        .Output("action", OnnxElementType.Float, 1, 4, 2)
        .ToModel();

    private PolicyLoop Loop(string card = Card, double budget = 10)
    {
        var runtime = new PolicyRuntime(PolicyCardLoader.Parse(card, Path.Combine(_folder, "echo.yaml")), Model(), null);
        return new PolicyLoop(runtime, () => _now, budget);
    }

    private void Observe(PolicyLoop loop, double a, byte brightness = 0)
    {
        loop.OnImage(0, [.. Enumerable.Repeat(brightness, 12)], 2, 2, 6, PixelEncoding.Rgb8, _now);
        loop.OnJointState([a, 0], _now);
    }

    [Test]
    public void EachStep_CommandsTheNextAction_AndAChunkIsDueAtTheThreshold()
    {
        using PolicyLoop loop = Loop();
        var action = new double[2];
        Assert.That(loop.Tick(action, out _), Is.EqualTo(ControlTick.NoInstruction));
        loop.SetInstruction("red");
        Assert.That(loop.InferIfNeeded(), Is.False, "no observation yet");
        Assert.That(loop.Tick(action, out _), Is.EqualTo(ControlTick.Stale));

        Observe(loop, 0.5, brightness: 51);
        Assert.That(loop.Tick(action, out _), Is.EqualTo(ControlTick.Empty));
        Assert.That(loop.InferIfNeeded(), Is.True);
        Assert.That(loop.QueueDepth, Is.EqualTo(4));
        Assert.That(loop.InferIfNeeded(), Is.False, "four queued, threshold one");

        // red <eos> = 3 + 1; brightness 0.2.
        Assert.That(loop.Tick(action, out double stamp), Is.EqualTo(ControlTick.Command));
        Assert.That(action, Is.EqualTo(new[] { 0.5 + 4 + 0.2, 4 + 0.2 }).Within(1e-5));
        Assert.That(stamp, Is.EqualTo(_now), "the first command of a chunk carries its camera stamp");
        loop.Tick(action, out stamp);
        Assert.That(stamp, Is.NaN);
        Assert.That(loop.InferIfNeeded(), Is.False, "two left");
        loop.Tick(action, out _);
        Assert.That(loop.QueueDepth, Is.EqualTo(1));
        Observe(loop, 1.5);
        Assert.That(loop.InferIfNeeded(), Is.True, "down to the threshold");
        Assert.That(loop.Tick(action, out _), Is.EqualTo(ControlTick.Command));
        Assert.That(action[0], Is.EqualTo(1.5 + 4).Within(1e-5), "the new chunk replaced the old (no blending)");
    }

    [Test]
    public void ANewInstruction_FlushesTheQueue_AndTheNextChunkFollowsIt()
    {
        using PolicyLoop loop = Loop();
        var action = new double[2];
        loop.SetInstruction("red");
        Observe(loop, 0);
        loop.InferIfNeeded();
        Assert.That(loop.QueueDepth, Is.EqualTo(4));

        loop.SetInstruction("green");
        Assert.That(loop.QueueDepth, Is.Zero);
        Assert.That(loop.Tick(action, out _), Is.EqualTo(ControlTick.Empty), "nothing of the old instruction is commanded");
        loop.InferIfNeeded();
        loop.Tick(action, out _);
        Assert.That(action[0], Is.EqualTo(4 + 1).Within(1e-5), "green <eos> = 4 + 1");
    }

    [Test]
    public void StaleObservations_WithholdCommands_AndSayWhich()
    {
        using PolicyLoop loop = Loop();
        var action = new double[2];
        loop.SetInstruction("red");
        Observe(loop, 0);
        loop.InferIfNeeded();

        _now += 0.3;
        Assert.That(loop.Tick(action, out _), Is.EqualTo(ControlTick.Stale));
        Assert.That(loop.LastStale, Is.EqualTo(new StaleInput(-1, 0.3, 0.2)).Using<StaleInput>((x, y) => x.Camera == y.Camera && Math.Abs(x.Age - y.Age) < 1e-9 && x.MaxAge == y.MaxAge));
        Assert.That(loop.QueueDepth, Is.Zero, "the queue is flushed");
        Assert.That(loop.InferIfNeeded(), Is.False);

        loop.OnJointState([0, 0], _now);
        _now += 0.3;
        loop.OnJointState([0, 0], _now);
        Assert.That(loop.Tick(action, out _), Is.EqualTo(ControlTick.Stale));
        Assert.That((loop.LastStale.Camera, loop.LastStale.Age), Is.EqualTo((0, 0.6)).Within(1e-9), "the camera stopped");
        Assert.That(loop.StaleSteps, Is.EqualTo(2));
    }

    [Test]
    public void APausedLoop_NeitherInfersNorCommands()
    {
        using PolicyLoop loop = Loop();
        var action = new double[2];
        loop.SetInstruction("red");
        Observe(loop, 0);
        loop.InferIfNeeded();
        loop.Enabled = false;
        Assert.That((loop.Tick(action, out _), loop.QueueDepth, loop.InferIfNeeded()), Is.EqualTo((ControlTick.Disabled, 0, false)));
        loop.Enabled = true;
        Assert.That(loop.InferIfNeeded(), Is.True);
        Assert.That(loop.Tick(action, out _), Is.EqualTo(ControlTick.Command));
    }

    [Test]
    public void InferencesOverTheBudget_AreCounted()
    {
        using PolicyLoop loop = Loop(budget: 1e-9);
        loop.SetInstruction("red");
        Observe(loop, 0);
        loop.InferIfNeeded();
        Assert.That((loop.Inferences, loop.OverBudget, loop.Latency.Count), Is.EqualTo((1, 1, 1)));
        Assert.That(loop.Latency.Quantile(0.5), Is.GreaterThan(0));
    }

    [Test]
    public void TheInferenceThread_KeepsTheQueueFilled()
    {
        using PolicyLoop loop = Loop();
        var action = new double[2];
        loop.SetInstruction("red");
        loop.Start();
        int commands = 0;
        for (int step = 0; step < 200 && commands < 20; step++)
        {
            Observe(loop, step);
            if (loop.Tick(action, out _) == ControlTick.Command)
            {
                commands++;
            }

            Thread.Sleep(5);
        }

        Assert.That(commands, Is.EqualTo(20));
        Assert.That(loop.Inferences, Is.GreaterThanOrEqualTo(5));
    }

    [Test]
    public void StepsAndInferencesAllocateNothing()
    {
        using PolicyLoop loop = Loop();
        var action = new double[2];
        byte[] frame = new byte[64 * 48 * 3];
        double[] state = [0, 0];
        loop.SetInstruction("red");
        void Cycle()
        {
            _now += 0.01;
            loop.OnImage(0, frame, 64, 48, 192, PixelEncoding.Rgb8, _now);
            loop.OnJointState(state, _now);
            loop.InferIfNeeded();
            loop.Tick(action, out _);
        }

        for (int i = 0; i < 50; i++)
        {
            Cycle();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 400; i++)
        {
            Cycle();
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(loop.Inferences, Is.GreaterThan(100));
    }
}
