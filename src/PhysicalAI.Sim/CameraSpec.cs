using PhysicalAI.Robot;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim;

/// <summary>
/// A simulated camera: its name (the topic namespace, <c>front_camera/image_raw</c>), resolution, field of
/// view and rate, and where it is mounted: a link of the robot (one fixed to the base for a scene camera,
/// one on the wrist for a hand camera) and a pose in that link's frame (x forward, y left, z up).
/// </summary>
public sealed record CameraSpec
{
    /// <summary>Camera name.</summary>
    public required string Name { get; init; }

    /// <summary>Image width, px.</summary>
    public int Width { get; init; } = 320;

    /// <summary>Image height, px.</summary>
    public int Height { get; init; } = 240;

    /// <summary>Horizontal field of view, rad.</summary>
    public double HorizontalFieldOfView { get; init; } = 60 * Math.PI / 180;

    /// <summary>Frames per second.</summary>
    public double Rate { get; init; } = 30;

    /// <summary>The link the camera is fixed to.</summary>
    public required string MountLink { get; init; }

    /// <summary>The camera's pose in the mount link's frame.</summary>
    public Transform3d MountPose { get; init; } = Transform3d.Identity;

    /// <summary>The tf frame of its images: <c>&lt;name&gt;_optical_frame</c> (z forward, x right, y down).</summary>
    public string OpticalFrameId => $"{Name}_optical_frame";

    /// <summary>The pinhole intrinsics (square pixels, centred principal point).</summary>
    public CameraIntrinsics Intrinsics => CameraIntrinsics.FromHorizontalFieldOfView(Width, Height, HorizontalFieldOfView);

    /// <summary>The default scene camera: 320x240 at 30 Hz on <c>front_camera_link</c>.</summary>
    public static CameraSpec FrontCamera { get; } = new() { Name = "front_camera", MountLink = "front_camera_link" };

    /// <summary>A hand camera on <c>wrist_camera_link</c>, added by parameters.</summary>
    public static CameraSpec WristCamera { get; } = new() { Name = "wrist_camera", MountLink = "wrist_camera_link", HorizontalFieldOfView = 80 * Math.PI / 180 };
}
