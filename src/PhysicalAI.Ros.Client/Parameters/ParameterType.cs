namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>Parameter types, with the values of <c>rcl_interfaces/msg/ParameterType</c>.</summary>
public enum ParameterType : byte
{
    /// <summary>No value.</summary>
    NotSet = 0,

    /// <summary>bool.</summary>
    Bool = 1,

    /// <summary>int64.</summary>
    Integer = 2,

    /// <summary>float64.</summary>
    Double = 3,

    /// <summary>string.</summary>
    String = 4,

    /// <summary>byte[].</summary>
    ByteArray = 5,

    /// <summary>bool[].</summary>
    BoolArray = 6,

    /// <summary>int64[].</summary>
    IntegerArray = 7,

    /// <summary>float64[].</summary>
    DoubleArray = 8,

    /// <summary>string[].</summary>
    StringArray = 9,
}
