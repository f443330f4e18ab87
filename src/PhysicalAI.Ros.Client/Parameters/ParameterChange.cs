namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>What one declare, set or undeclare changed (the content of a /parameter_events message).</summary>
/// <param name="New">Parameters that appeared.</param>
/// <param name="Changed">Parameters whose value changed.</param>
/// <param name="Deleted">Parameters that went away.</param>
public sealed record ParameterChange(IReadOnlyList<Parameter> New, IReadOnlyList<Parameter> Changed, IReadOnlyList<Parameter> Deleted);
