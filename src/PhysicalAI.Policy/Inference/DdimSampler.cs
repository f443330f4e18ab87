using PhysicalAI.Policy.Cards;

namespace PhysicalAI.Policy.Inference;

/// <summary>
/// The action expert of a diffusion policy sampled with deterministic DDIM (η = 0): the denoiser predicts the
/// noise ε in x_t at a training timestep t, and each step jumps to the previous timestep of an evenly
/// spaced subset ("leading" spacing, t_k = (N − 1 − k)·⌊T/N⌋, as diffusers' DDIMScheduler spaces them):
/// x̂₀ = (x_t − √(1 − ᾱ_t)·ε) / √ᾱ_t, x_prev = √ᾱ_prev·x̂₀ + √(1 − ᾱ_prev)·ε, with ᾱ after the last step
/// taken as 1 so the result is the clean x̂₀. ᾱ comes from the card's linear beta schedule. Noise is seeded;
/// nothing allocates per call.
/// </summary>
public sealed class DdimSampler : IActionSampler
{
    private readonly OnnxModelRunner _denoiser;
    private readonly string _actionsInput, _timeInput, _noiseOutput;
    private readonly GaussianNoise _noise;
    private readonly int[] _timesteps;
    private readonly double[] _alphaBar;

    public DdimSampler(OnnxModelRunner denoiser, string actionsInput, string timeInput, string noiseOutput, int steps, DdimSchedule schedule, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(steps, schedule.TrainTimesteps);
        _denoiser = denoiser;
        (_actionsInput, _timeInput, _noiseOutput) = (actionsInput, timeInput, noiseOutput);
        _noise = new GaussianNoise(seed);
        Steps = steps;

        int T = schedule.TrainTimesteps;
        _alphaBar = new double[T];
        double product = 1;
        for (int i = 0; i < T; i++)
        {
            double beta = T == 1 ? schedule.BetaStart : schedule.BetaStart + ((schedule.BetaEnd - schedule.BetaStart) * i / (T - 1));
            product *= 1 - beta;
            _alphaBar[i] = product;
        }

        int stride = T / steps;
        _timesteps = [.. Enumerable.Range(0, steps).Select(k => (steps - 1 - k) * stride)];
    }

    public int Steps { get; }

    /// <summary>The training timesteps visited, first to last.</summary>
    public IReadOnlyList<int> Timesteps => _timesteps;

    public ReadOnlySpan<float> Sample()
    {
        Span<float> x = _denoiser.Input(_actionsInput);
        Span<float> time = _denoiser.Input(_timeInput);
        _noise.Fill(x);
        for (int k = 0; k < _timesteps.Length; k++)
        {
            int t = _timesteps[k];
            double alpha = _alphaBar[t], alphaPrev = k + 1 < _timesteps.Length ? _alphaBar[_timesteps[k + 1]] : 1.0;
            time.Fill(t);
            _denoiser.Run();
            ReadOnlySpan<float> eps = _denoiser.Output(_noiseOutput);
            double sa = Math.Sqrt(alpha), s1a = Math.Sqrt(1 - alpha), sp = Math.Sqrt(alphaPrev), s1p = Math.Sqrt(1 - alphaPrev);
            for (int i = 0; i < x.Length; i++)
            {
                double x0 = (x[i] - (s1a * eps[i])) / sa;
                x[i] = (float)((sp * x0) + (s1p * eps[i]));
            }
        }

        return x;
    }
}
