using System.Collections.Generic;

namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>What the generator needs to know about each primitive kind: its .msg spelling, C# type and wire size.</summary>
internal static class PrimitiveInfo
{
    private static readonly Dictionary<string, PrimitiveKind> ByMsgName = new()
    {
        ["bool"] = PrimitiveKind.Bool,
        ["byte"] = PrimitiveKind.Byte,
        ["char"] = PrimitiveKind.Char,
        ["float32"] = PrimitiveKind.Float32,
        ["float64"] = PrimitiveKind.Float64,
        ["int8"] = PrimitiveKind.Int8,
        ["uint8"] = PrimitiveKind.UInt8,
        ["int16"] = PrimitiveKind.Int16,
        ["uint16"] = PrimitiveKind.UInt16,
        ["int32"] = PrimitiveKind.Int32,
        ["uint32"] = PrimitiveKind.UInt32,
        ["int64"] = PrimitiveKind.Int64,
        ["uint64"] = PrimitiveKind.UInt64,
        ["string"] = PrimitiveKind.String,
        ["wstring"] = PrimitiveKind.WString,
    };

    public static bool TryParse(string name, out PrimitiveKind kind) => ByMsgName.TryGetValue(name, out kind);

    public static bool IsStringLike(PrimitiveKind kind) => kind is PrimitiveKind.String or PrimitiveKind.WString;

    /// <summary>C# type of one element.</summary>
    public static string CSharpType(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Bool => "bool",
        PrimitiveKind.Byte or PrimitiveKind.Char or PrimitiveKind.UInt8 => "byte",
        PrimitiveKind.Float32 => "float",
        PrimitiveKind.Float64 => "double",
        PrimitiveKind.Int8 => "sbyte",
        PrimitiveKind.Int16 => "short",
        PrimitiveKind.UInt16 => "ushort",
        PrimitiveKind.Int32 => "int",
        PrimitiveKind.UInt32 => "uint",
        PrimitiveKind.Int64 => "long",
        PrimitiveKind.UInt64 => "ulong",
        PrimitiveKind.String or PrimitiveKind.WString => "string",
        _ => "object",
    };

    /// <summary>Bytes one element occupies on the wire (strings: the smallest form, a zero length).</summary>
    public static int WireSize(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Bool or PrimitiveKind.Byte or PrimitiveKind.Char or PrimitiveKind.UInt8 or PrimitiveKind.Int8 => 1,
        PrimitiveKind.Int16 or PrimitiveKind.UInt16 => 2,
        PrimitiveKind.Int32 or PrimitiveKind.UInt32 or PrimitiveKind.Float32 => 4,
        PrimitiveKind.Int64 or PrimitiveKind.UInt64 or PrimitiveKind.Float64 => 8,
        PrimitiveKind.String or PrimitiveKind.WString => 4,
        _ => 1,
    };

    /// <summary>
    /// The id rosidl's type description gives the kind (type_description_interfaces/FieldType). ROS <c>char</c>
    /// becomes IDL uint8 when .msg is converted to .idl, so it hashes as UINT8.
    /// </summary>
    public static int TypeDescriptionId(PrimitiveKind kind, bool bounded) => kind switch
    {
        PrimitiveKind.Nested => 1,
        PrimitiveKind.Int8 => 2,
        PrimitiveKind.UInt8 or PrimitiveKind.Char => 3,
        PrimitiveKind.Int16 => 4,
        PrimitiveKind.UInt16 => 5,
        PrimitiveKind.Int32 => 6,
        PrimitiveKind.UInt32 => 7,
        PrimitiveKind.Int64 => 8,
        PrimitiveKind.UInt64 => 9,
        PrimitiveKind.Float32 => 10,
        PrimitiveKind.Float64 => 11,
        PrimitiveKind.Bool => 15,
        PrimitiveKind.Byte => 16,
        PrimitiveKind.String => bounded ? 21 : 17,
        PrimitiveKind.WString => bounded ? 22 : 18,
        _ => 0,
    };
}
