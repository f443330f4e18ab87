namespace PhysicalAI.Cli.Launch;

/// <summary><c>let</c>: sets a launch configuration (read with <c>$(var name)</c>) to a value.</summary>
internal sealed class LetAction(SourceLocation location, LaunchCondition? condition, SubstitutionText name, SubstitutionText value)
    : LaunchAction(location, condition)
{
    public static LetAction Read(LaunchEntity entity)
    {
        LaunchCondition? condition = LaunchCondition.Read(entity);
        var action = new LetAction(entity.Location, condition, entity.RequiredText("name"), entity.RequiredText("value"));
        entity.EnsureAllRead(["name", "value", "if", "unless"]);
        return action;
    }

    protected override void Execute(LaunchContext context) =>
        context.SetConfiguration(context.Evaluate(name), context.Evaluate(value));
}
