namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>A field's type as declared: element kind, string bound, nested type and array shape.</summary>
/// <param name="Kind">Element kind.</param>
/// <param name="NestedPackage">Package written before the slash of a nested type, or null when none was written.</param>
/// <param name="NestedName">Name of a nested type.</param>
/// <param name="StringBound">Bound of <c>string&lt;=N</c> / <c>wstring&lt;=N</c>, or -1.</param>
/// <param name="Array">Array shape.</param>
/// <param name="ArraySize">N of <c>T[N]</c> or <c>T[&lt;=N]</c>, else 0.</param>
internal sealed record FieldType(
    PrimitiveKind Kind,
    string? NestedPackage,
    string? NestedName,
    int StringBound,
    ArrayKind Array,
    int ArraySize)
{
    public bool IsArray => Array != ArrayKind.None;

    public bool IsSequence => Array is ArrayKind.BoundedSequence or ArrayKind.UnboundedSequence;

    /// <summary>The sequence bound for the reader and writer, or -1 (unbounded).</summary>
    public int SequenceBound => Array == ArrayKind.BoundedSequence ? ArraySize : -1;
}
