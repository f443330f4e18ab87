namespace PhysicalAI.Ros.Client.Arguments;

/// <summary>One remapping rule from <c>-r [node:]from:=to</c>.</summary>
/// <param name="NodeName">Only nodes with this name are affected; null for all.</param>
/// <param name="Kind">What the rule renames.</param>
/// <param name="From">The name to match (expanded relative to the node before comparing); empty for node and namespace rules.</param>
/// <param name="To">The replacement.</param>
/// <param name="Text">The rule as written, for messages.</param>
public sealed record RemapRule(string? NodeName, RemapKind Kind, string From, string To, string Text);
