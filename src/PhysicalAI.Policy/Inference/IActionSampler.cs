namespace PhysicalAI.Policy.Inference;

/// <summary>The action expert of a two-graph policy: turns seeded noise into an action chunk through the denoiser.</summary>
public interface IActionSampler
{
    /// <summary>Denoising steps per chunk.</summary>
    int Steps { get; }

    /// <summary>Samples a chunk and returns it (model units, before un-normalization); valid until the next call.</summary>
    ReadOnlySpan<float> Sample();
}
