namespace PhysicalAI.Cli.Launch;

/// <summary>
/// <c>include</c>: runs another YAML launch file here, its arguments set from <c>arg</c> (name/value)
/// entries. As in ros2 launch the included file is not a scope of its own (wrap it in a group for that),
/// and a relative <c>file</c> is relative to the working directory (use <c>$(dirname)</c> or
/// <c>$(find-pkg-share ...)</c>).
/// </summary>
internal sealed class IncludeAction(SourceLocation location, LaunchCondition? condition, SubstitutionText file, IReadOnlyList<(SubstitutionText Name, SubstitutionText Value)> arguments)
    : LaunchAction(location, condition)
{
    public SubstitutionText File { get; } = file;

    public static IncludeAction Read(LaunchEntity entity)
    {
        LaunchCondition? condition = LaunchCondition.Read(entity);
        SubstitutionText file = entity.RequiredText("file");
        var arguments = entity.List("arg").Select(a =>
        {
            (SubstitutionText, SubstitutionText) pair = (a.RequiredText("name"), a.RequiredText("value"));
            a.EnsureAllRead(["name", "value"]);
            return pair;
        }).ToList();
        entity.EnsureAllRead(["file", "arg", "if", "unless"]);
        return new IncludeAction(entity.Location, condition, file, arguments);
    }

    protected override void Execute(LaunchContext context)
    {
        string path = context.Evaluate(File);
        if (!path.EndsWith(".yaml", StringComparison.Ordinal) && !path.EndsWith(".yml", StringComparison.Ordinal))
        {
            throw new LaunchFileException(Location, $"'{path}' is not a YAML launch file; pai launch includes only *.launch.yaml files (Python and XML launch files need ros2 launch)");
        }

        foreach ((SubstitutionText name, SubstitutionText value) in arguments)
        {
            context.SetConfiguration(context.Evaluate(name), context.Evaluate(value));
        }

        context.RunFile(path, Location);
    }
}
