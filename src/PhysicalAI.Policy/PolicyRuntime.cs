using Microsoft.ML.OnnxRuntime.Tensors;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Policy.Inference;
using PhysicalAI.Policy.Language;

namespace PhysicalAI.Policy;

/// <summary>
/// A policy as its card describes it: camera frames, the joint state and the instruction go in
/// (preprocessed, normalized and tokenized straight into the model's bound input buffers); one graph runs
/// (ACT-like), or an encoder runs once and a denoiser <see cref="GraphSpec.Steps"/> times (flow-matching or
/// DDIM); the chunk comes out un-normalized as absolute joint positions for the card's joints (deltas are
/// added to the observed state, velocities integrated from it at the control rate), ready for the
/// <see cref="Actions.ActionChunkQueue"/>. Nothing allocates per inference.
/// </summary>
/// <remarks>Not thread-safe: one inference at a time, with the Set… calls for it made before <see cref="Infer"/>.</remarks>
public sealed class PolicyRuntime : IDisposable
{
    private readonly OnnxModelRunner _model;
    private readonly OnnxModelRunner? _denoiser;
    private readonly IActionSampler? _sampler;
    private readonly ImagePreprocessor[] _cameras;
    private readonly IInstructionTokenizer? _tokenizer;
    private readonly float[] _actionRow;
    private readonly double[] _jointValues;
    private readonly double[] _observedState;
    private readonly int[] _stateIndex;

    /// <summary>Loads the card's model files.</summary>
    /// <exception cref="PolicyModelException">A model file cannot be read or loaded, or differs from the card.</exception>
    public static PolicyRuntime Load(PolicyCard card, OnnxRunnerOptions? options = null) =>
        new(card, Read(card.Graphs.Model), card.Graphs.Denoiser is { } d ? Read(d) : null, options);

    /// <exception cref="PolicyModelException">The models differ from the card, or cannot be loaded; the message says how.</exception>
    public PolicyRuntime(PolicyCard card, byte[] model, byte[]? denoiser, OnnxRunnerOptions? options = null)
    {
        Card = card;
        if ((card.Graphs.Denoiser is null) != (denoiser is null))
        {
            throw new PolicyModelException(card.Graphs.Denoiser is null
                ? $"{card.Graphs.Model}: '{card.Name}' is a single-graph policy, yet a denoiser was given"
                : $"{card.Graphs.Denoiser}: '{card.Name}' declares a denoiser; its model is missing");
        }

        long[] chunk = [1, card.Actions.Horizon, card.Actions.Dimensions];
        List<TensorContract> inputs =
        [
            .. card.Cameras.Select(c => new TensorContract(c.InputName, c.Image.Layout == TensorLayout.Nchw ? [1, 3, c.Image.Height, c.Image.Width] : [1, c.Image.Height, c.Image.Width, 3])),
            new TensorContract(card.State.InputName, [1, card.State.Width]),
        ];
        if (card.Language is { } language)
        {
            inputs.Add(new TensorContract(language.IdsInput, [1, language.MaxTokens], TensorElementType.Int64));
            if (language.MaskInput is { } mask)
            {
                inputs.Add(new TensorContract(mask, [1, language.MaxTokens], TensorElementType.Int64));
            }

            _tokenizer = InstructionTokenizerLoader.Load(language);
        }

        try
        {
            if (denoiser is null)
            {
                _model = new OnnxModelRunner(model, card.Graphs.Model, inputs, [new TensorContract(card.Actions.OutputName, chunk)], options);
            }
            else
            {
                GraphSpec g = card.Graphs;
                TensorContract[] context = [.. g.Context.Select(c => new TensorContract(c.Name, c.Shape))];
                _model = new OnnxModelRunner(model, g.Model, inputs, context, options);
                _denoiser = new OnnxModelRunner(
                    denoiser,
                    g.Denoiser!,
                    [new TensorContract(g.NoisyInput, chunk), new TensorContract(g.TimeInput, [1]), .. context],
                    [new TensorContract(card.Actions.OutputName, chunk)],
                    options);
                _sampler = g.Method == "ddim"
                    ? new DdimSampler(_denoiser, g.NoisyInput, g.TimeInput, card.Actions.OutputName, g.Steps, g.Ddim!, g.Seed)
                    : new FlowMatchingSampler(_denoiser, g.NoisyInput, g.TimeInput, card.Actions.OutputName, g.Steps, g.Seed);
            }
        }
        catch
        {
            _denoiser?.Dispose();
            _model?.Dispose();
            throw;
        }

        _cameras = [.. card.Cameras.Select(c => new ImagePreprocessor(c.Image))];
        _actionRow = new float[card.Actions.Joints.Count];
        _jointValues = new double[card.Actions.Joints.Count];
        _observedState = new double[card.State.Joints.Count];
        _stateIndex = [.. card.Actions.Joints.Select(j => card.State.Joints.ToList().IndexOf(j))];
    }

    public PolicyCard Card { get; }

    /// <summary>Values <see cref="Infer"/> writes: horizon × the card's action joints.</summary>
    public int ChunkLength => Card.Actions.Horizon * Card.Actions.Joints.Count;

    /// <summary>Writes camera <paramref name="camera"/>'s frame into its input.</summary>
    public void SetImage(int camera, ReadOnlySpan<byte> data, int width, int height, int step, PixelEncoding encoding) =>
        _cameras[camera].Process(data, width, height, step, encoding, _model.Input(Card.Cameras[camera].InputName));

    /// <summary>Writes the joint state (the card's joints, in its order) normalized into the state input, zero-padded to its width.</summary>
    public void SetState(ReadOnlySpan<double> positions)
    {
        Span<float> input = _model.Input(Card.State.InputName);
        input.Clear();
        positions[..Card.State.Joints.Count].CopyTo(_observedState);
        Card.State.Normalizer.Normalize(positions[..Card.State.Joints.Count], input);
    }

    /// <summary>Tokenizes the instruction into the language inputs (once per instruction, so it may allocate); returns the token count.</summary>
    public int SetInstruction(string instruction)
    {
        if (Card.Language is not { } language || _tokenizer is null)
        {
            return 0;
        }

        Span<long> mask = language.MaskInput is { } m ? _model.IntegerInput(m) : stackalloc long[language.MaxTokens];
        return _tokenizer.Encode(instruction, _model.IntegerInput(language.IdsInput), mask);
    }

    /// <summary>Runs the policy; writes the chunk (horizon rows of the card's action joints, absolute positions) into <paramref name="actions"/>.</summary>
    public void Infer(Span<double> actions)
    {
        int joints = Card.Actions.Joints.Count, dims = Card.Actions.Dimensions;
        if (actions.Length < ChunkLength)
        {
            throw new ArgumentException($"room for {actions.Length} values; the chunk has {Card.Actions.Horizon} × {joints}");
        }

        _model.Run();
        ReadOnlySpan<float> output;
        if (_sampler is null)
        {
            output = _model.Output(Card.Actions.OutputName);
        }
        else
        {
            IReadOnlyList<ContextTensor> context = Card.Graphs.Context;
            for (int i = 0; i < context.Count; i++)
            {
                _model.Output(context[i].Name).CopyTo(_denoiser!.Input(context[i].Name));
            }

            output = _sampler.Sample();
        }

        for (int k = 0; k < Card.Actions.Horizon; k++)
        {
            output.Slice(k * dims, joints).CopyTo(_actionRow);
            Card.Actions.Normalizer.Unnormalize(_actionRow, _jointValues);
            _jointValues.CopyTo(actions.Slice(k * joints, joints));
        }

        ToAbsolutePositions(actions[..ChunkLength]);
    }

    public void Dispose()
    {
        _denoiser?.Dispose();
        _model.Dispose();
    }

    /// <summary>Deltas are offsets from the observed state; velocities are integrated from it, one control period per row.</summary>
    private void ToAbsolutePositions(Span<double> chunk)
    {
        ActionMeaning meaning = Card.Actions.Meaning;
        if (meaning == ActionMeaning.AbsolutePositions)
        {
            return;
        }

        int joints = Card.Actions.Joints.Count;
        double period = 1.0 / Card.ControlRate;
        for (int j = 0; j < joints; j++)
        {
            // The card loader refuses relative actions for joints the state lacks.
            double position = _observedState[_stateIndex[j]];
            for (int k = 0; k < Card.Actions.Horizon; k++)
            {
                ref double value = ref chunk[(k * joints) + j];
                if (meaning == ActionMeaning.Deltas)
                {
                    value += position;
                }
                else
                {
                    position += value * period;
                    value = position;
                }
            }
        }
    }

    private static byte[] Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyModelException($"{path}: cannot read the model: {e.Message}");
        }
    }
}
