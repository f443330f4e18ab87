namespace PhysicalAI.Cli.Launch;

/// <summary>A launch file as read: its path and its actions, not yet run.</summary>
internal sealed record LaunchDescription(string Path, IReadOnlyList<LaunchAction> Actions);
