using PhysicalAI.Robot;

namespace PhysicalAI.Sim;

/// <summary>Where cubes may go: a region in front of the robot, with room between them.</summary>
public sealed record SceneLayout
{
    /// <summary>The region for cube centres: x range (forward), m.</summary>
    public (double Min, double Max) X { get; init; } = (0.16, 0.32);

    /// <summary>y range (left), m.</summary>
    public (double Min, double Max) Y { get; init; } = (-0.14, 0.14);

    /// <summary>Cube edge length range, m.</summary>
    public (double Min, double Max) CubeSize { get; init; } = (0.03, 0.04);

    /// <summary>Least distance between cube centres, m.</summary>
    public double Separation { get; init; } = 0.075;

    /// <summary>Fewest and most cubes.</summary>
    public (int Min, int Max) CubeCount { get; init; } = (3, 5);

    /// <summary>The scene of <paramref name="seed"/>.</summary>
    public Scene Generate(int seed)
    {
        var random = new Random(seed);
        int count = random.Next(CubeCount.Min, CubeCount.Max + 1);
        CubeColor[] colors = [.. CubeColor.Palette.OrderBy(_ => random.Next()).Take(count)];
        var cubes = new List<SceneCube>();
        foreach (CubeColor color in colors)
        {
            double size = CubeSize.Min + (random.NextDouble() * (CubeSize.Max - CubeSize.Min));
            Vector3d center;
            int attempts = 0;
            do
            {
                center = new Vector3d(
                    X.Min + (random.NextDouble() * (X.Max - X.Min)),
                    Y.Min + (random.NextDouble() * (Y.Max - Y.Min)),
                    size / 2);
                attempts++;
            }
            while (cubes.Any(c => Distance2D(c.Center, center) < Separation) && attempts < 1000);

            cubes.Add(new SceneCube(color, center, size, random.NextDouble() * Math.PI / 2));
        }

        return new Scene { Seed = seed, Cubes = cubes, Target = cubes[random.Next(cubes.Count)] };
    }

    private static double Distance2D(Vector3d a, Vector3d b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
