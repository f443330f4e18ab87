namespace PhysicalAI.Cli.Commands;

/// <summary>A command cannot do what was asked; the message says why and what to do. Exit code 1.</summary>
internal sealed class CliError(string message) : Exception(message);
