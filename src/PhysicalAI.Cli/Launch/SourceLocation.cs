namespace PhysicalAI.Cli.Launch;

/// <summary>Where something was written in a launch file, for messages: <c>path:line</c>.</summary>
/// <param name="File">The launch file as it was named (on the command line, or resolved by an include).</param>
/// <param name="Line">1-based line.</param>
internal sealed record SourceLocation(string File, long Line)
{
    public override string ToString() => $"{File}:{Line}";
}
