using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Launch;

/// <summary>One source of a node's parameters, in the order the launch file gives them (later ones win).</summary>
/// <param name="File">A params file (<c>param: [{from: ...}]</c>), or null.</param>
/// <param name="Values">Values written in the launch file, passed to the node in a params file of their own; or null.</param>
internal sealed record NodeParameters(string? File, IReadOnlyList<Parameter>? Values);
