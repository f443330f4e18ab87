namespace PhysicalAI.Ros.Interfaces.Description;

/// <summary>The element kind of a message field, as written in its .msg file.</summary>
public enum RosFieldKind
{
    /// <summary>Another message (<see cref="RosFieldDescriptor.MessageType"/> describes it).</summary>
    Message,

    /// <summary><c>bool</c> (C# <see cref="bool"/>).</summary>
    Bool,

    /// <summary><c>byte</c>: an opaque octet (C# <see cref="byte"/>).</summary>
    Byte,

    /// <summary><c>char</c>: an unsigned 8-bit character (C# <see cref="byte"/>).</summary>
    Char,

    /// <summary><c>float32</c> (C# <see cref="float"/>).</summary>
    Float32,

    /// <summary><c>float64</c> (C# <see cref="double"/>).</summary>
    Float64,

    /// <summary><c>int8</c> (C# <see cref="sbyte"/>).</summary>
    Int8,

    /// <summary><c>uint8</c> (C# <see cref="byte"/>).</summary>
    UInt8,

    /// <summary><c>int16</c> (C# <see cref="short"/>).</summary>
    Int16,

    /// <summary><c>uint16</c> (C# <see cref="ushort"/>).</summary>
    UInt16,

    /// <summary><c>int32</c> (C# <see cref="int"/>).</summary>
    Int32,

    /// <summary><c>uint32</c> (C# <see cref="uint"/>).</summary>
    UInt32,

    /// <summary><c>int64</c> (C# <see cref="long"/>).</summary>
    Int64,

    /// <summary><c>uint64</c> (C# <see cref="ulong"/>).</summary>
    UInt64,

    /// <summary><c>string</c>: UTF-8 on the wire (C# <see cref="string"/>).</summary>
    String,

    /// <summary><c>wstring</c>: UTF-16 code units on the wire (C# <see cref="string"/>).</summary>
    WString,
}
