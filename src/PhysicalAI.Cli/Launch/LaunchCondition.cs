namespace PhysicalAI.Cli.Launch;

/// <summary>An action's <c>if</c> or <c>unless</c>: true/false (any case) or 1/0 after substitution, as launch evaluates it.</summary>
internal sealed record LaunchCondition(SubstitutionText Expression, bool Unless)
{
    /// <summary>Reads <c>if</c>/<c>unless</c> of <paramref name="entity"/>; both at once is an error.</summary>
    public static LaunchCondition? Read(LaunchEntity entity)
    {
        SubstitutionText? when = entity.Text("if");
        SubstitutionText? unless = entity.Text("unless");
        if (when is not null && unless is not null)
        {
            throw new LaunchFileException(entity.Location, $"'{entity.Type}' has both 'if' and 'unless'; use one");
        }

        return when is not null ? new LaunchCondition(when, false) : unless is not null ? new LaunchCondition(unless, true) : null;
    }

    /// <summary>Whether the action runs.</summary>
    /// <exception cref="LaunchFileException">The expression is not a boolean.</exception>
    public bool Holds(LaunchContext context)
    {
        string value = context.Evaluate(Expression);
        return ParseBool(value, Expression, Unless ? "unless" : "if") != Unless;
    }

    /// <summary>A launch boolean: true/false in any case, or 1/0.</summary>
    /// <exception cref="LaunchFileException">Anything else.</exception>
    public static bool ParseBool(string value, SubstitutionText source, string attribute) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new LaunchFileException(source.Location, $"'{attribute}' is '{source}', which evaluates to '{value}'; it must be true, false, 1 or 0"),
    };
}
