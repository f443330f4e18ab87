using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;

namespace PhysicalAI.Cli.Commands.Bench;

/// <summary>
/// The messages the transport benchmark sends: raw bytes of a given total CDR size (what ddsperf's
/// "size S" means), a 7-joint JointState, or a 640x480 rgb8 Image. Each carries a sequence number so
/// receivers can count losses.
/// </summary>
internal static class BenchPayload
{
    /// <summary>CDR bytes a UInt8MultiArray spends besides its data: header, empty dim list, data_offset, data count.</summary>
    public const int BytesOverhead = 16;

    public const string JointState = "joint_state";
    public const string Image = "image";

    /// <summary>Whether <paramref name="payload"/> is a byte size rather than a named message.</summary>
    public static bool IsBytes(string payload, out int size) => int.TryParse(payload, out size);

    public static UInt8MultiArray Bytes(int totalSize) => new() { Data = new byte[Math.Max(0, totalSize - BytesOverhead)] };

    public static JointState Joints() => new()
    {
        Header = new Header { FrameId = "base_link" },
        Name = [.. Enumerable.Range(1, 7).Select(i => $"joint_{i}")],
        Position = new double[7],
        Velocity = new double[7],
        Effort = new double[7],
    };

    public static Image Camera() => new()
    {
        Header = new Header { FrameId = "camera_optical_frame" },
        Height = 480,
        Width = 640,
        Encoding = "rgb8",
        Step = 640 * 3,
        Data = new byte[640 * 480 * 3],
    };

    public static void SetSequence(UInt8MultiArray m, uint sequence) => m.Layout.DataOffset = sequence;

    public static void SetSequence(JointState m, uint sequence) => m.Header.Stamp.Nanosec = sequence;

    public static void SetSequence(Image m, uint sequence) => m.Header.Stamp.Nanosec = sequence;

    public static uint Sequence(UInt8MultiArray m) => m.Layout.DataOffset;

    public static uint Sequence(JointState m) => m.Header.Stamp.Nanosec;

    public static uint Sequence(Image m) => m.Header.Stamp.Nanosec;
}
