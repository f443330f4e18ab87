namespace PhysicalAI.Ros.Cdr;

/// <summary>Why a payload could not be read or written.</summary>
public enum CdrErrorKind
{
    /// <summary>The payload ends before the field does.</summary>
    Truncated,

    /// <summary>The representation identifier is not plain CDR (XCDR1).</summary>
    UnsupportedRepresentation,

    /// <summary>A length or element count is larger than the bytes that remain could possibly hold.</summary>
    LengthExceedsPayload,

    /// <summary>A string's last byte is not the NUL terminator its length promises.</summary>
    MissingNulTerminator,

    /// <summary>A bounded string or sequence holds more than its bound allows.</summary>
    BoundExceeded,

    /// <summary>A fixed-size array does not have exactly the declared number of elements.</summary>
    ArrayLengthMismatch,

    /// <summary>A value is outside what its type can hold (a wide character above U+FFFF, for instance).</summary>
    InvalidValue,

    /// <summary>The destination buffer given to a writer is too small for the message.</summary>
    BufferTooSmall,

    /// <summary>A required member of a message being written is null.</summary>
    NullMember,
}
