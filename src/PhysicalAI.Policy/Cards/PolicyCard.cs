using PhysicalAI.Policy.Actions;
using PhysicalAI.Policy.Imaging;
using PhysicalAI.Policy.Language;
using PhysicalAI.Policy.Normalization;

namespace PhysicalAI.Policy.Cards;

/// <summary>The model contract shipped beside the .onnx: what goes in, what comes out, and how to run it.</summary>
public sealed record PolicyCard
{
    public required string Name { get; init; }

    /// <summary>The model files: one graph, or an encoder and a denoiser run <see cref="GraphSpec.Steps"/> times.</summary>
    public required GraphSpec Graphs { get; init; }

    /// <summary>Actions executed per second, Hz.</summary>
    public required double ControlRate { get; init; }

    public required IReadOnlyList<CameraInput> Cameras { get; init; }

    public required StateInput State { get; init; }

    public LanguageInput? Language { get; init; }

    public required ActionOutput Actions { get; init; }
}

/// <summary>How the model's graphs are run.</summary>
/// <param name="Model">The single graph, or the encoder.</param>
/// <param name="Denoiser">The denoiser graph (flow-matching or DDIM), or null for a single graph.</param>
/// <param name="Steps">Denoising steps.</param>
/// <param name="Method">single, flow_euler or ddim.</param>
public sealed record GraphSpec(string Model, string? Denoiser, int Steps, string Method)
{
    /// <summary>The denoiser's input for the noisy action chunk [1, horizon, dims].</summary>
    public string NoisyInput { get; init; } = "x_t";

    /// <summary>The denoiser's input for the time (flow time in 1..0, or the DDIM training timestep), shape [1].</summary>
    public string TimeInput { get; init; } = "t";

    /// <summary>Encoder outputs handed to the denoiser inputs of the same name, with the shapes both graphs must have.</summary>
    public IReadOnlyList<ContextTensor> Context { get; init; } = [];

    /// <summary>Seeds the sampler's noise, so a run is reproducible.</summary>
    public int Seed { get; init; }

    /// <summary>The training noise schedule, for <c>ddim</c>.</summary>
    public DdimSchedule? Ddim { get; init; }
}

/// <summary>A tensor the encoder computes once per inference and every denoising step reads.</summary>
public sealed record ContextTensor(string Name, long[] Shape);

/// <summary>The linear beta schedule a DDIM denoiser (epsilon prediction) was trained with.</summary>
public sealed record DdimSchedule(int TrainTimesteps, double BetaStart, double BetaEnd);

/// <summary>One camera: the topic it comes from, the model input it goes to, and how frames become that tensor.</summary>
public sealed record CameraInput(string InputName, string Topic, ImageInputSpec Image, double MaxAge);

/// <summary>The joint state: joints in model order, padded to the model's width, normalized.</summary>
public sealed record StateInput(string InputName, IReadOnlyList<string> Joints, int Width, FeatureNormalizer Normalizer, double MaxAge);

/// <summary>The instruction: tokenizer and the model inputs for token ids and mask.</summary>
public sealed record LanguageInput(string Tokenizer, string File, int MaxTokens, int PadId, int EosId, string IdsInput, string? MaskInput)
{
    /// <summary>bpe: the merges file (merges.txt); <see cref="File"/> is then the vocab.json.</summary>
    public string? Merges { get; init; }

    /// <summary>wordpiece: lower-case and strip accents before splitting, as uncased BERT vocabularies need.</summary>
    public bool LowerCase { get; init; } = true;

    /// <summary>tiktoken and bpe: the split pattern the ranks or merges were made with; null for the kind's own (cl100k, r50k).</summary>
    public TiktokenPattern? Pattern { get; init; }
}

/// <summary>What the actions mean and how they are queued.</summary>
public sealed record ActionOutput(
    string OutputName,
    int Horizon,
    int Dimensions,
    ActionMeaning Meaning,
    IReadOnlyList<string> Joints,
    FeatureNormalizer Normalizer,
    int StepsPerInference,
    ChunkBlending Blending,
    double Coefficient,
    int RefillThreshold);

/// <summary>What an action's joint values are.</summary>
public enum ActionMeaning
{
    AbsolutePositions,
    Deltas,
    Velocities,
}
