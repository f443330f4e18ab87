namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>A named parameter value.</summary>
/// <param name="Name">Parameter name (dot-separated for nested names, such as <c>limits.max_velocity</c>).</param>
/// <param name="Value">Its value.</param>
public sealed record Parameter(string Name, ParameterValue Value);
