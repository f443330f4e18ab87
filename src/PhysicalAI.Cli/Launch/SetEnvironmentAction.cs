namespace PhysicalAI.Cli.Launch;

/// <summary><c>set_env</c> (a value for the processes started after it) and <c>unset_env</c> (value null).</summary>
internal sealed class SetEnvironmentAction(SourceLocation location, LaunchCondition? condition, SubstitutionText name, SubstitutionText? value)
    : LaunchAction(location, condition)
{
    public static SetEnvironmentAction Read(LaunchEntity entity, bool unset)
    {
        LaunchCondition? condition = LaunchCondition.Read(entity);
        SubstitutionText name = entity.RequiredText("name");
        SubstitutionText? value = unset ? null : entity.RequiredText("value");
        entity.EnsureAllRead(unset ? ["name", "if", "unless"] : ["name", "value", "if", "unless"]);
        return new SetEnvironmentAction(entity.Location, condition, name, value);
    }

    protected override void Execute(LaunchContext context)
    {
        string variable = context.Evaluate(name);
        if (variable.Length == 0 || variable.Contains('='))
        {
            throw new LaunchFileException(Location, $"'{variable}' is not an environment variable name");
        }

        if (value is null)
        {
            context.UnsetEnvironment(variable);
        }
        else
        {
            context.SetEnvironment(variable, context.Evaluate(value));
        }
    }
}
