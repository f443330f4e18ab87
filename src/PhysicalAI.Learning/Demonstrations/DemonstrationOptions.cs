namespace PhysicalAI.Learning.Demonstrations;

/// <summary>Which scenes are demonstrated, and how the arm is perturbed while it is.</summary>
public sealed record DemonstrationOptions
{
    /// <summary>The training seeds start here; evaluation uses seeds below it (0-999), which training never sees.</summary>
    public const int TrainingSeedStart = 1000;

    /// <summary>First scene seed.</summary>
    public int FirstSeed { get; init; } = TrainingSeedStart;

    /// <summary>Scenes (seeds FirstSeed, FirstSeed + 1, …).</summary>
    public int Episodes { get; init; } = 1000;

    /// <summary>Seeds the perturbations and phrasings (with each scene's seed).</summary>
    public int Seed { get; init; }

    /// <summary>Share of episodes that start away from home, so the policy sees states off the expert's path.</summary>
    public double PerturbedStartFraction { get; init; } = 0.5;

    /// <summary>Largest start offset per joint, rad.</summary>
    public double StartPerturbation { get; init; } = 0.3;

    /// <summary>Largest per-episode standard deviation of the noise added to each executed command, rad (drawn uniformly from 0 to this).</summary>
    public double ActionNoise { get; init; } = 0.04;

    /// <summary>The expert's largest joint-target change per control step, rad.</summary>
    public double ExpertJointStep { get; init; } = 0.06;

    /// <summary>Steps still recorded after the goal is reached, so the policy learns to stay.</summary>
    public int StepsAfterSuccess { get; init; } = 3;

    /// <summary>Longest episode, control steps.</summary>
    public int MaxSteps { get; init; } = 150;

    /// <summary>Joint dynamics are integrated at this rate, Hz (as sim_arm's physics_rate).</summary>
    public double PhysicsRate { get; init; } = 1000;

    /// <summary>Episodes recorded at once.</summary>
    public int Workers { get; init; } = 2;
}
