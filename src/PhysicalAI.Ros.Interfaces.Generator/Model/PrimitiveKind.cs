namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>The element kinds a ROS interface field can have; <see cref="Nested"/> refers to another message.</summary>
internal enum PrimitiveKind
{
    Nested,
    Bool,
    Byte,
    Char,
    Float32,
    Float64,
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    String,
    WString,
}
