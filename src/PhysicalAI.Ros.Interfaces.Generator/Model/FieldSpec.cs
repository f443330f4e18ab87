namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>One field of a message.</summary>
/// <param name="Name">ROS field name (snake_case).</param>
/// <param name="Type">Declared type.</param>
/// <param name="DefaultValue">Default value as a C# expression, or null.</param>
/// <param name="Declaration">The declaration line as written, for documentation.</param>
/// <param name="Comment">Comment lines above or beside the field.</param>
/// <param name="Line">Zero-based line in the source file.</param>
internal sealed record FieldSpec(
    string Name,
    FieldType Type,
    string? DefaultValue,
    string Declaration,
    string Comment,
    int Line);
