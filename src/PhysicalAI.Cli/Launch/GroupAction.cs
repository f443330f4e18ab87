namespace PhysicalAI.Cli.Launch;

/// <summary><c>group</c>: actions run together; with <c>scoped</c> (the default) their arguments, namespace and environment changes end with the group.</summary>
internal sealed class GroupAction(SourceLocation location, LaunchCondition? condition, bool scoped, IReadOnlyList<LaunchAction> actions)
    : LaunchAction(location, condition)
{
    public IReadOnlyList<LaunchAction> Actions { get; } = actions;

    public static GroupAction Read(LaunchEntity entity, Func<LaunchEntity, LaunchAction> readAction)
    {
        LaunchCondition? condition = LaunchCondition.Read(entity);
        bool scoped = true;
        if (entity.Text("scoped") is { } text)
        {
            if (!text.IsLiteral)
            {
                throw new LaunchFileException(text.Location, "'scoped' of 'group' must be true or false as written (ros2 launch reads it without substitutions)");
            }

            scoped = LaunchCondition.ParseBool(text.Source, text, "scoped");
        }

        IReadOnlyList<LaunchAction> actions = [.. entity.Children().Select(readAction)];
        entity.EnsureAllRead(["scoped", "children", "if", "unless"]);
        return new GroupAction(entity.Location, condition, scoped, actions);
    }

    protected override void Execute(LaunchContext context)
    {
        if (scoped)
        {
            context.PushScope();
        }

        try
        {
            foreach (LaunchAction action in Actions)
            {
                action.Run(context);
            }
        }
        finally
        {
            if (scoped)
            {
                context.PopScope();
            }
        }
    }
}
