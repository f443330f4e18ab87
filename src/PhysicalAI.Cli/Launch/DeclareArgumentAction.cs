namespace PhysicalAI.Cli.Launch;

/// <summary><c>arg</c>: declares a launch argument; given on the command line (<c>name:=value</c>) or by an include, else its default.</summary>
internal sealed class DeclareArgumentAction(SourceLocation location, LaunchCondition? condition, string name, SubstitutionText? @default, string? description, IReadOnlyList<string> choices)
    : LaunchAction(location, condition)
{
    public static readonly string[] Attributes = ["name", "default", "description", "choice", "if", "unless"];

    public string Name { get; } = name;

    public SubstitutionText? Default { get; } = @default;

    public string? Description { get; } = description;

    public IReadOnlyList<string> Choices { get; } = choices;

    public static DeclareArgumentAction Read(LaunchEntity entity)
    {
        LaunchCondition? condition = LaunchCondition.Read(entity);
        string name = entity.RequiredText("name").Source;
        SubstitutionText? @default = entity.Text("default");
        string? description = entity.Text("description")?.Source;
        string[] choices = [.. entity.List("choice").Select(c =>
        {
            string value = c.RequiredText("value").Source;
            c.EnsureAllRead(["value"]);
            return value;
        })];
        entity.EnsureAllRead(Attributes);
        if (@default is { IsLiteral: true } && choices.Length > 0 && !choices.Contains(@default.Source))
        {
            throw new LaunchFileException(@default.Location, $"the default of argument '{name}' is '{@default.Source}', which is not one of its choices ({string.Join(", ", choices)})");
        }

        return new DeclareArgumentAction(entity.Location, condition, name, @default, description, choices);
    }

    protected override void Execute(LaunchContext context)
    {
        context.Plan.Arguments.Add(Name);
        if (!context.Configurations.ContainsKey(Name))
        {
            if (Default is null)
            {
                string what = Description is null ? string.Empty : $" ({Description})";
                throw new LaunchFileException(Location, $"launch argument '{Name}'{what} has no default and was not given: pass {Name}:=VALUE");
            }

            context.SetConfiguration(Name, context.Evaluate(Default));
        }

        string value = context.Configurations[Name];
        if (Choices.Count > 0 && !Choices.Contains(value))
        {
            throw new LaunchFileException(Location, $"launch argument '{Name}' is '{value}'; valid choices are {string.Join(", ", Choices)}");
        }
    }
}
