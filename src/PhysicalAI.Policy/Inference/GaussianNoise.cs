namespace PhysicalAI.Policy.Inference;

/// <summary>Standard normal draws from a seeded generator (Box–Muller), so a seed gives the same chunk.</summary>
internal sealed class GaussianNoise(int seed)
{
    private readonly Random _random = new(seed);

    public void Fill(Span<float> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double u1 = 1.0 - _random.NextDouble(), u2 = _random.NextDouble();
            x[i] = (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
    }
}
