namespace PhysicalAI.Ros.Cdr;

/// <summary>
/// A CDR payload could not be read, or a message could not be written, with the byte offset and the
/// field where it happened.
/// </summary>
/// <remarks>
/// Readers throw only this exception for bad input: never <see cref="IndexOutOfRangeException"/> or
/// <see cref="OutOfMemoryException"/>. <see cref="Offset"/> counts from the first byte of the buffer,
/// the encapsulation header included.
/// </remarks>
public sealed class CdrException : Exception
{
    /// <summary>Creates an exception for <paramref name="kind"/> at <paramref name="offset"/> in <paramref name="field"/>.</summary>
    public CdrException(CdrErrorKind kind, int offset, string field, string detail)
        : base(Format(kind, offset, field, detail))
    {
        Kind = kind;
        Offset = offset;
        Field = field;
        Detail = detail;
    }

    /// <summary>What went wrong.</summary>
    public CdrErrorKind Kind { get; }

    /// <summary>Byte offset from the start of the buffer (encapsulation header included) where the problem was found.</summary>
    public int Offset { get; }

    /// <summary>Path of the field being read or written, such as <c>header.frame_id</c> or <c>points[3].positions</c>.</summary>
    public string Field { get; }

    /// <summary>The specific problem, without the offset and field.</summary>
    public string Detail { get; }

    /// <summary>
    /// The same error seen from the enclosing message: the field path gains <paramref name="parent"/> in front.
    /// </summary>
    public CdrException WithParent(string parent) =>
        new(Kind, Offset, Field.Length == 0 ? parent : Field[0] == '[' ? parent + Field : parent + "." + Field, Detail);

    /// <summary>The same error attributed to element <paramref name="index"/> of the field it names.</summary>
    public CdrException WithIndex(int index) => new(Kind, Offset, $"{Field}[{index}]", Detail);

    private static string Format(CdrErrorKind kind, int offset, string field, string detail) =>
        $"CDR {Describe(kind)} at byte offset {offset}, field '{field}': {detail}";

    private static string Describe(CdrErrorKind kind) => kind switch
    {
        CdrErrorKind.Truncated => "payload truncated",
        CdrErrorKind.UnsupportedRepresentation => "unsupported representation",
        CdrErrorKind.LengthExceedsPayload => "length exceeds payload",
        CdrErrorKind.MissingNulTerminator => "string without NUL terminator",
        CdrErrorKind.BoundExceeded => "bound exceeded",
        CdrErrorKind.ArrayLengthMismatch => "fixed array length mismatch",
        CdrErrorKind.InvalidValue => "invalid value",
        CdrErrorKind.BufferTooSmall => "buffer too small",
        CdrErrorKind.NullMember => "null member",
        _ => "error",
    };
}
