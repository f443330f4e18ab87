namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>
/// What a parameter is and which values it accepts (rcl_interfaces/ParameterDescriptor): its type (unless
/// dynamically typed), a description, read-only, an integer or floating-point range, free-text constraints.
/// </summary>
public sealed record ParameterDescriptor
{
    /// <summary>Shown by <c>ros2 param describe</c>.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Constraints in words, for what the ranges cannot say.</summary>
    public string AdditionalConstraints { get; init; } = string.Empty;

    /// <summary>Fixed after declaration: only the command line or a params file can change it.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The parameter may change type when set.</summary>
    public bool DynamicTyping { get; init; }

    /// <summary>Allowed range of an integer parameter.</summary>
    public IntegerRange? IntegerRange { get; init; }

    /// <summary>Allowed range of a floating-point parameter.</summary>
    public FloatingPointRange? FloatingPointRange { get; init; }
}
