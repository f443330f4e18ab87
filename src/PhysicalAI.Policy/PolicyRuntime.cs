using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Policy.Inference;

namespace PhysicalAI.Policy;

/// <summary>
/// One single-graph policy (ACT-like) as its card describes it: camera frames and the joint state go in
/// (preprocessed and normalized straight into the model's bound input buffers), one run, and the action
/// chunk comes out un-normalized, for the card's joints, ready for the <see cref="Actions.ActionChunkQueue"/>.
/// Nothing allocates per inference.
/// </summary>
public sealed class PolicyRuntime : IDisposable
{
    private readonly OnnxModelRunner _runner;
    private readonly ImagePreprocessor[] _cameras;
    private readonly float[] _actionRow;
    private readonly double[] _jointValues;

    /// <exception cref="PolicyModelException">The model differs from the card, or cannot be loaded; the message says how.</exception>
    public PolicyRuntime(PolicyCard card, byte[] model, OnnxRunnerOptions? options = null)
    {
        if (card.Graphs.Denoiser is not null)
        {
            throw new PolicyModelException($"{card.Graphs.Model}: this runtime runs single-graph policies; '{card.Name}' has an encoder and a denoiser");
        }

        Card = card;
        TensorContract[] inputs =
        [
            .. card.Cameras.Select(c => new TensorContract(c.InputName, c.Image.Layout == TensorLayout.Nchw ? [1, 3, c.Image.Height, c.Image.Width] : [1, c.Image.Height, c.Image.Width, 3])),
            new TensorContract(card.State.InputName, [1, card.State.Width]),
        ];
        _runner = new OnnxModelRunner(model, card.Graphs.Model, inputs, [new TensorContract(card.Actions.OutputName, [1, card.Actions.Horizon, card.Actions.Dimensions])], options);
        _cameras = [.. card.Cameras.Select(c => new ImagePreprocessor(c.Image))];
        _actionRow = new float[card.Actions.Joints.Count];
        _jointValues = new double[card.Actions.Joints.Count];
    }

    public PolicyCard Card { get; }

    /// <summary>Writes camera <paramref name="camera"/>'s frame into its input.</summary>
    public void SetImage(int camera, ReadOnlySpan<byte> data, int width, int height, int step, PixelEncoding encoding) =>
        _cameras[camera].Process(data, width, height, step, encoding, _runner.Input(Card.Cameras[camera].InputName));

    /// <summary>Writes the joint state (the card's joints, in its order) normalized into the state input, zero-padded to its width.</summary>
    public void SetState(ReadOnlySpan<double> positions)
    {
        Span<float> input = _runner.Input(Card.State.InputName);
        input.Clear();
        Card.State.Normalizer.Normalize(positions[..Card.State.Joints.Count], input);
    }

    /// <summary>Runs the policy; writes <see cref="Actions.ActionChunkQueue"/>-ready rows (horizon × the card's action joints) into <paramref name="actions"/>.</summary>
    public void Infer(Span<double> actions)
    {
        int joints = Card.Actions.Joints.Count, dims = Card.Actions.Dimensions;
        if (actions.Length < Card.Actions.Horizon * joints)
        {
            throw new ArgumentException($"room for {actions.Length} values; the chunk has {Card.Actions.Horizon} × {joints}");
        }

        _runner.Run();
        ReadOnlySpan<float> output = _runner.Output(Card.Actions.OutputName);
        for (int k = 0; k < Card.Actions.Horizon; k++)
        {
            output.Slice(k * dims, joints).CopyTo(_actionRow);
            Card.Actions.Normalizer.Unnormalize(_actionRow, _jointValues);
            _jointValues.CopyTo(actions.Slice(k * joints, joints));
        }
    }

    public void Dispose() => _runner.Dispose();
}
