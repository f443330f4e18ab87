namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>A field ready to emit: resolved C# names and everything its serializer needs.</summary>
/// <param name="RosName">ROS field name, used in error paths.</param>
/// <param name="PropertyName">C# property name.</param>
/// <param name="Type">Declared type.</param>
/// <param name="ElementType">Fully qualified C# type of one element.</param>
/// <param name="DefaultValue">Initializer expression for a declared default, or null.</param>
/// <param name="Declaration">The .msg declaration, for documentation.</param>
/// <param name="Comment">The .msg comment, for documentation.</param>
internal sealed record FieldModel(
    string RosName,
    string PropertyName,
    FieldType Type,
    string ElementType,
    string? DefaultValue,
    string Declaration,
    string Comment);
