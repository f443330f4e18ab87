namespace PhysicalAI.Ros.Cdr;

/// <summary>Byte order of a CDR payload, as announced by its encapsulation header.</summary>
public enum CdrEndianness
{
    /// <summary>CDR_LE (representation identifier <c>00 01</c>): what every x86 and ARM ROS 2 host writes.</summary>
    Little,

    /// <summary>CDR_BE (representation identifier <c>00 00</c>).</summary>
    Big,
}
