namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>A constant declared in a message (<c>uint8 BOOL=1</c>).</summary>
/// <param name="Name">Constant name as written (UPPER_CASE).</param>
/// <param name="Kind">Primitive kind.</param>
/// <param name="Value">The value as a C# literal.</param>
/// <param name="Declaration">The declaration line as written.</param>
/// <param name="Comment">Comment lines above or beside it.</param>
internal sealed record ConstantSpec(string Name, PrimitiveKind Kind, string Value, string Declaration, string Comment);
