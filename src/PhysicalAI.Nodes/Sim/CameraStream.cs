using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Client.Time;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Sim;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Nodes.Sim;

/// <summary>
/// One camera's topics, as a ROS camera driver publishes them: <c>&lt;camera&gt;/image_raw</c> (rgb8) and
/// <c>&lt;camera&gt;/camera_info</c> (plumb_bob, no distortion), in the optical frame. Reliable, depth 5, as
/// REP 2003 asks of sensor drivers: best-effort (sensor data) subscribers and reliable ones (image_view,
/// camera_calibration) both match.
/// The image message's data is the camera's own frame buffer, so publishing copies nothing into a new array.
/// </summary>
internal sealed class CameraStream
{
    private readonly Publisher<Image> _imagePublisher;
    private readonly Publisher<CameraInfo> _infoPublisher;
    private readonly Image _image;
    private readonly CameraInfo _info;

    public CameraStream(Node node, SimCamera camera)
    {
        Camera = camera;
        CameraSpec spec = camera.Spec;
        CameraIntrinsics k = spec.Intrinsics;

        // ROS and OpenCV put pixel centres at integer coordinates; the renderer puts them at +0.5. The
        // published principal point is shifted half a pixel so image_geometry projects onto the pixels drawn.
        double cx = k.Cx - 0.5, cy = k.Cy - 0.5;
        QosProfile qos = QosProfiles.SensorData.KeepLast(5).AsReliable();
        _imagePublisher = node.CreatePublisher<Image>($"{spec.Name}/image_raw", qos);
        _infoPublisher = node.CreatePublisher<CameraInfo>($"{spec.Name}/camera_info", qos);
        _image = new Image
        {
            Header = { FrameId = spec.OpticalFrameId },
            Width = (uint)spec.Width,
            Height = (uint)spec.Height,
            Encoding = "rgb8",
            IsBigendian = 0,
            Step = (uint)(spec.Width * 3),
            Data = camera.Image,
        };
        _info = new CameraInfo
        {
            Header = { FrameId = spec.OpticalFrameId },
            Width = (uint)spec.Width,
            Height = (uint)spec.Height,
            DistortionModel = "plumb_bob",
            D = [0, 0, 0, 0, 0],
            K = [k.Fx, 0, cx, 0, k.Fy, cy, 0, 0, 1],
            R = [1, 0, 0, 0, 1, 0, 0, 0, 1],
            P = [k.Fx, 0, cx, 0, 0, k.Fy, cy, 0, 0, 0, 1, 0],
        };
    }

    public SimCamera Camera { get; }

    /// <summary>Renders the current frame and publishes it with its camera info, both stamped <paramref name="stamp"/>.</summary>
    public void Publish(SceneShapes shapes, ReadOnlySpan<Robot.Transform3d> linkPoses, RosTime stamp)
    {
        Camera.Render(shapes, linkPoses);
        stamp.CopyTo(_image.Header.Stamp);
        stamp.CopyTo(_info.Header.Stamp);
        _imagePublisher.Publish(_image);
        _infoPublisher.Publish(_info);
    }
}
