namespace PhysicalAI.Cli.Launch;

/// <summary>What running a launch file's actions produced: the processes to start and the names of the arguments declared.</summary>
internal sealed class LaunchPlan
{
    public List<NodeLaunch> Nodes { get; } = [];

    public List<string> Arguments { get; } = [];
}
