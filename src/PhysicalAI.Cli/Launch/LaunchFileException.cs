namespace PhysicalAI.Cli.Launch;

/// <summary>
/// A launch file cannot be run as written: unsupported or malformed, an unset argument, a missing file or
/// executable. The message starts with <c>file:line:</c> and says what to change; nothing has been started.
/// </summary>
internal sealed class LaunchFileException(SourceLocation location, string message) : Exception($"{location}: {message}");
