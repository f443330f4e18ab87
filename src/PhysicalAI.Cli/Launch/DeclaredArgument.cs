namespace PhysicalAI.Cli.Launch;

/// <summary>A launch argument an <c>arg</c> action declared, for <c>--show-args</c> and for checking <c>name:=value</c> pairs.</summary>
/// <param name="Name">The argument's name.</param>
/// <param name="Default">The default as written (substitutions unevaluated), or null when the argument is required.</param>
/// <param name="Description">What it is for.</param>
/// <param name="Choices">The values it accepts, or empty for any.</param>
/// <param name="Location">Where it is declared.</param>
internal sealed record DeclaredArgument(string Name, string? Default, string? Description, IReadOnlyList<string> Choices, SourceLocation Location);
