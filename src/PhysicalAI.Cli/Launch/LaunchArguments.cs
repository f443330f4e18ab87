namespace PhysicalAI.Cli.Launch;

/// <summary>
/// <c>pai launch --show-args</c>: the arguments a launch file declares, with those of the files it
/// includes (where the include's path can be worked out from defaults), printed as <c>ros2 launch -s</c> does.
/// </summary>
internal static class LaunchArguments
{
    public static void Print(string file, LaunchContext context, TextWriter output)
    {
        var found = new List<DeclareArgumentAction>();
        Collect(LaunchYamlReader.Load(file), context, found, [Path.GetFullPath(file)]);
        if (found.Count == 0)
        {
            output.WriteLine("No arguments.");
            return;
        }

        output.WriteLine("Arguments (pass arguments as '<name>:=<value>'):");
        foreach (DeclareArgumentAction argument in found.DistinctBy(a => a.Name))
        {
            output.WriteLine();
            output.WriteLine($"    '{argument.Name}':");
            string choices = $"[{string.Join(", ", argument.Choices.Select(c => $"'{c}'"))}]";
            string description = argument.Description is null
                ? argument.Choices.Count > 0 ? $"One of: {choices}" : "no description given"
                : argument.Choices.Count > 0 ? $"{argument.Description.TrimEnd('.')}. Valid choices are: {choices}" : argument.Description;

            output.WriteLine($"        {description}");
            output.WriteLine(argument.Default is null ? "        (required)" : $"        (default: '{argument.Default.Source}')");
        }
    }

    private static void Collect(LaunchDescription description, LaunchContext context, List<DeclareArgumentAction> found, HashSet<string> seen)
    {
        string outer = context.CurrentFile;
        context.CurrentFile = description.Path;
        foreach (LaunchAction action in description.Actions)
        {
            switch (action)
            {
                case DeclareArgumentAction argument:
                    found.Add(argument);
                    if (argument.Default is not null && !context.Configurations.ContainsKey(argument.Name))
                    {
                        TryEvaluate(context, argument.Default, value => context.SetConfiguration(argument.Name, value));
                    }

                    break;
                case GroupAction group:
                    Collect(description with { Actions = group.Actions }, context, found, seen);
                    break;
                case IncludeAction include:
                    TryEvaluate(context, include.File, path =>
                    {
                        if (File.Exists(path) && seen.Add(Path.GetFullPath(path)))
                        {
                            Collect(LaunchYamlReader.Load(path), context, found, seen);
                        }
                    });
                    break;
            }
        }

        context.CurrentFile = outer;
    }

    private static void TryEvaluate(LaunchContext context, SubstitutionText text, Action<string> use)
    {
        try
        {
            use(context.Evaluate(text));
        }
        catch (LaunchFileException)
        {
            // Known only when the launch runs (an argument without a default, say): left out of the listing.
        }
    }
}
