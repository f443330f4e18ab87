namespace PhysicalAI.Cli.Launch;

/// <summary>
/// One action of a launch file. Running a file's actions in order against a <see cref="LaunchContext"/>
/// evaluates every substitution and collects the processes to start into its plan; nothing is started
/// until the whole tree has run without error.
/// </summary>
internal abstract class LaunchAction(SourceLocation location, LaunchCondition? condition)
{
    /// <summary>Where the action is written.</summary>
    public SourceLocation Location { get; } = location;

    /// <summary>Its <c>if</c>/<c>unless</c>, if any.</summary>
    public LaunchCondition? Condition { get; } = condition;

    /// <summary>Runs the action if its condition holds.</summary>
    /// <exception cref="LaunchFileException">A substitution, value or file is unusable.</exception>
    public void Run(LaunchContext context)
    {
        if (Condition is null || Condition.Holds(context))
        {
            Execute(context);
        }
    }

    protected abstract void Execute(LaunchContext context);
}
