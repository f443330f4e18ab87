using PhysicalAI.Ros.Interfaces.BuiltinInterfaces.Msg;
using PhysicalAI.Ros.Interfaces.Description;
using PhysicalAI.Ros.Interfaces.RclInterfaces.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;
using PhysicalAI.Ros.Interfaces.TrajectoryMsgs.Msg;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>The reference samples of Peer/cdr_peer.c, built in C#: both sides must describe the same values.</summary>
internal static class CdrPeerSamples
{
    public static IEnumerable<string> Types => Samples.Keys;

    public static object Create(string rosType) => Samples[rosType]();

    public static RosMessageDescriptor Descriptor(string rosType)
    {
        Assert.That(RosTypeRegistry.TryGetMessage(rosType, out RosMessageDescriptor d), Is.True, rosType);
        return d;
    }

    private static readonly Dictionary<string, Func<object>> Samples = new()
    {
        ["std_msgs/msg/String"] = () => new Interfaces.StdMsgs.Msg.String { Data = "hello, ROS 2 ✓ grüße" },
        ["std_msgs/msg/Empty"] = () => new Empty(),
        ["std_msgs/msg/Float64MultiArray"] = () => new Float64MultiArray
        {
            Layout = new MultiArrayLayout
            {
                Dim = [new MultiArrayDimension { Label = "rows", Size = 2, Stride = 6 }, new MultiArrayDimension { Label = "cols", Size = 3, Stride = 3 }],
                DataOffset = 1,
            },
            Data = [0.0, 1.0, -2.5, 1e-300, 3.25, -0.0, 6.0],
        },
        ["sensor_msgs/msg/JointState"] = () => new JointState
        {
            Header = new Header { Stamp = new Time { Sec = 1700000000, Nanosec = 123456789 }, FrameId = "base_link" },
            Name = [.. Enumerable.Range(1, 7).Select(i => $"joint_{i}")],
            Position = [.. Enumerable.Range(0, 7).Select(i => (0.25 * i) - 0.5)],
            Velocity = [.. Enumerable.Range(0, 7).Select(i => -1.5 + i)],
            Effort = [],
        },
        ["sensor_msgs/msg/Image"] = () => new Image
        {
            Header = new Header { Stamp = new Time { Sec = 42, Nanosec = 500 }, FrameId = "camera_optical_frame" },
            Height = 480,
            Width = 640,
            Encoding = "rgb8",
            IsBigendian = 0,
            Step = 640 * 3,
            Data = [.. Enumerable.Range(0, 640 * 480 * 3).Select(i => (byte)((i * 31 + 7) & 0xff))],
        },
        ["sensor_msgs/msg/CameraInfo"] = () => new CameraInfo
        {
            Header = new Header { Stamp = new Time { Sec = 3, Nanosec = 4 }, FrameId = "cam" },
            Height = 240,
            Width = 320,
            DistortionModel = "plumb_bob",
            D = [0.1, -0.2, 0.001, 0.002, 0.0],
            K = [.. Enumerable.Range(0, 9).Select(i => i * 1.5)],
            R = [.. Enumerable.Range(0, 9).Select(i => i % 4 == 0 ? 1.0 : 0.0)],
            P = [.. Enumerable.Range(0, 12).Select(i => i * 0.5)],
            BinningX = 1,
            BinningY = 2,
            Roi = new RegionOfInterest { XOffset = 10, YOffset = 20, Height = 100, Width = 200, DoRectify = true },
        },
        ["rcl_interfaces/msg/ParameterDescriptor"] = () => new ParameterDescriptor
        {
            Name = "speed_scale",
            Type = 3,
            Description = "scale",
            AdditionalConstraints = "0..1",
            ReadOnly = false,
            DynamicTyping = true,
            FloatingPointRange = [new FloatingPointRange { FromValue = 0.0, ToValue = 1.0, Step = 0.5 }],
            IntegerRange = [],
        },
        ["trajectory_msgs/msg/JointTrajectory"] = () => new JointTrajectory
        {
            Header = new Header { Stamp = new Time { Sec = 5, Nanosec = 6 }, FrameId = "world" },
            JointNames = ["a", "b"],
            Points =
            [
                new JointTrajectoryPoint { Positions = [0.0, 0.5], Velocities = [0.25, 0.0], TimeFromStart = new Duration { Sec = 0, Nanosec = 500000000 } },
                new JointTrajectoryPoint { Positions = [1.0, -0.5], TimeFromStart = new Duration { Sec = 1, Nanosec = 0 } },
            ],
        },
    };
}
