namespace PhysicalAI.Policy.Inference;

/// <summary>
/// The action expert of a flow-matching VLA (pi0, SmolVLA style): starting from seeded Gaussian noise at
/// t = 1, it integrates the denoiser's velocity field to t = 0 with <see cref="Steps"/> Euler steps,
/// x ← x + Δt · v(x, t) with Δt = −1/steps. The denoiser is a model with the noisy actions and the time as
/// inputs (plus whatever the encoder bound into it) and the velocity as output. Noise comes from a seeded
/// generator, so a seed gives the same chunk; nothing allocates per call.
/// </summary>
public sealed class FlowMatchingSampler : IActionSampler
{
    private readonly OnnxModelRunner _denoiser;
    private readonly string _actionsInput, _timeInput, _velocityOutput;
    private readonly GaussianNoise _noise;

    public FlowMatchingSampler(OnnxModelRunner denoiser, string actionsInput, string timeInput, string velocityOutput, int steps, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        _denoiser = denoiser;
        (_actionsInput, _timeInput, _velocityOutput) = (actionsInput, timeInput, velocityOutput);
        Steps = steps;
        _noise = new GaussianNoise(seed);
    }

    public int Steps { get; }

    /// <summary>Samples a chunk into the denoiser's actions input buffer and returns it (model units, before un-normalization).</summary>
    public ReadOnlySpan<float> Sample()
    {
        Span<float> x = _denoiser.Input(_actionsInput);
        Span<float> t = _denoiser.Input(_timeInput);
        _noise.Fill(x);
        float dt = -1f / Steps;
        for (int k = 0; k < Steps; k++)
        {
            t.Fill(1f + (k * dt));
            _denoiser.Run();
            ReadOnlySpan<float> v = _denoiser.Output(_velocityOutput);
            for (int i = 0; i < x.Length; i++)
            {
                x[i] += dt * v[i];
            }
        }

        return x;
    }
}
