namespace PhysicalAI.Cli.Evaluation;

/// <summary>
/// What an evaluation keeps of one episode for its report: the policy's commanded and the safety controller's
/// safe positions of the first joints over time, and the first camera frame with the goal's pixel.
/// </summary>
internal sealed class EpisodeTrace(int seed, string color)
{
    public const int Joints = 3;

    public int Seed { get; } = seed;

    public string Color { get; } = color;

    public List<(double Time, double[] Positions)> Commanded { get; } = [];

    public List<(double Time, double[] Positions)> Safe { get; } = [];

    public byte[]? Frame { get; set; }

    public int FrameWidth { get; set; }

    public int FrameHeight { get; set; }

    /// <summary>Where the goal point projects in <see cref="Frame"/>, pixels (NaN when behind the camera).</summary>
    public (double U, double V) Goal { get; set; } = (double.NaN, double.NaN);
}
