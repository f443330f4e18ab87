using PhysicalAI.Robot;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim;

/// <summary>One camera of the simulation: renders what it sees from its mount into its own rgb8 buffer.</summary>
public sealed class SimCamera
{
    private readonly SoftwareRenderer _renderer;
    private readonly int _mountLink;

    /// <summary>A camera of <paramref name="spec"/> on <paramref name="model"/>.</summary>
    /// <exception cref="KeyNotFoundException">The mount link is not in the model; the message lists the links.</exception>
    public SimCamera(CameraSpec spec, RobotModel model)
    {
        Spec = spec;
        _mountLink = model.LinkIndex(spec.MountLink);
        _renderer = new SoftwareRenderer(spec.Intrinsics);
        Image = new byte[spec.Width * spec.Height * 3];
    }

    /// <summary>What the camera is.</summary>
    public CameraSpec Spec { get; }

    /// <summary>The last frame, rgb8, row-major, top row first.</summary>
    public byte[] Image { get; }

    /// <summary>The optical frame's pose in the base frame for <paramref name="linkPoses"/>.</summary>
    public Transform3d OpticalPose(ReadOnlySpan<Transform3d> linkPoses) => linkPoses[_mountLink] * Spec.MountPose * CameraLinkToOptical;

    /// <summary>Renders <paramref name="shapes"/> as seen at <paramref name="linkPoses"/> into <see cref="Image"/>.</summary>
    public void Render(SceneShapes shapes, ReadOnlySpan<Transform3d> linkPoses)
    {
        Transform3d optical = OpticalPose(linkPoses);
        _renderer.Render(shapes.Shapes, SceneShapes.ToMatrix(optical), Image);
    }

    /// <summary>The optical frame in a camera link frame (x forward, y left, z up): z along x, x along −y, y along −z.</summary>
    public static Transform3d CameraLinkToOptical { get; } = new(0, 0, 1, -1, 0, 0, 0, -1, 0, Vector3d.Zero);
}
