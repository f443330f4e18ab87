namespace PhysicalAI.Ros.Cdr;

/// <summary>How a finished payload is padded at its end.</summary>
/// <remarks>
/// All three forms carry the same body and are accepted by every ROS 2 reader; they differ only in
/// trailing zero bytes and in the encapsulation options (bytes 2-3 of the header).
/// </remarks>
public enum CdrTrailingPadding
{
    /// <summary>No padding: the form <c>rmw_serialize</c> returns in rclcpp and rclpy.</summary>
    None,

    /// <summary>
    /// Zero bytes up to a multiple of 4, options left at <c>00 00</c>: what rmw_cyclonedds_cpp puts on the wire.
    /// </summary>
    ZeroFill,

    /// <summary>
    /// Zero bytes up to a multiple of 4, with the pad count in the low two bits of the options, as
    /// DDS-XTypes 7.6.3.1.2 describes: what Cyclone DDS's own serializer writes.
    /// </summary>
    Announced,
}
