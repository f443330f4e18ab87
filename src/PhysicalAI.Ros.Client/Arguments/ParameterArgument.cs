using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Ros.Client.Arguments;

/// <summary>
/// A parameter source on the command line, in the order given (later ones win): a
/// <c>--params-file</c>, or a <c>-p [node:]name:=value</c> override.
/// </summary>
/// <param name="ParamsFile">The file of a <c>--params-file</c>, or null.</param>
/// <param name="NodeName">For <c>-p node:name:=value</c>: the node; null for every node.</param>
/// <param name="Name">For <c>-p</c>: the parameter name.</param>
/// <param name="Value">For <c>-p</c>: the typed value.</param>
public sealed record ParameterArgument(string? ParamsFile, string? NodeName, string? Name, ParameterValue? Value);
