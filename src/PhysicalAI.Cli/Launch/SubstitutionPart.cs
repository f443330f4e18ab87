namespace PhysicalAI.Cli.Launch;

/// <summary>One piece of a <see cref="SubstitutionText"/>.</summary>
internal abstract record SubstitutionPart;

/// <summary>Text taken as written.</summary>
internal sealed record LiteralPart(string Text) : SubstitutionPart;

/// <summary><c>$(name arg ...)</c>, evaluated when the action that holds it runs.</summary>
internal sealed record SubstitutionCall(string Name, IReadOnlyList<SubstitutionText> Arguments) : SubstitutionPart;
