using System.Numerics;

namespace PhysicalAI.Sim.Rendering;

/// <summary>
/// Poses of a camera's optical frame (REP 103: x right, y down, z forward), which is what
/// <see cref="SoftwareRenderer.Render"/> takes, from the body-style frames robots and scenes use
/// (x forward, y left, z up). Row-vector convention throughout: <c>world = local * pose</c>.
/// </summary>
public static class OpticalFrame
{
    /// <summary>
    /// The optical frame expressed in its camera link frame: the rotation that <c>camera_link</c> to
    /// <c>camera_optical_frame</c> static transforms carry (roll -pi/2, yaw -pi/2), with no translation.
    /// </summary>
    public static Matrix4x4 InCameraLink { get; } = new(
        0, -1, 0, 0,
        0, 0, -1, 0,
        1, 0, 0, 0,
        0, 0, 0, 1);

    /// <summary>The optical frame's pose in the world for a camera link (x forward, y left, z up) at <paramref name="cameraLinkToWorld"/>.</summary>
    /// <param name="cameraLinkToWorld">The camera link's pose, local to world.</param>
    /// <returns>The pose to pass as <c>cameraToWorld</c>.</returns>
    public static Matrix4x4 FromCameraLink(Matrix4x4 cameraLinkToWorld) => InCameraLink * cameraLinkToWorld;

    /// <summary>
    /// The optical frame of a camera at <paramref name="eye"/> looking at <paramref name="target"/>, rolled so that
    /// <paramref name="up"/> points up in the image.
    /// </summary>
    /// <param name="eye">Camera position in the world.</param>
    /// <param name="target">A point on the optical axis.</param>
    /// <param name="up">The world direction that should appear up; must not be parallel to the line of sight.</param>
    /// <returns>The pose to pass as <c>cameraToWorld</c>.</returns>
    public static Matrix4x4 LookAt(Vector3 eye, Vector3 target, Vector3 up)
    {
        Vector3 forward = Vector3.Normalize(target - eye);
        Vector3 right = Vector3.Cross(forward, up);
        if (!(right.LengthSquared() > 1e-12f) || !float.IsFinite(right.LengthSquared()))
        {
            throw new ArgumentException("the line of sight must be finite, non-zero and not parallel to up", nameof(target));
        }

        right = Vector3.Normalize(right);
        Vector3 down = Vector3.Cross(forward, right);
        return new Matrix4x4(
            right.X, right.Y, right.Z, 0,
            down.X, down.Y, down.Z, 0,
            forward.X, forward.Y, forward.Z, 0,
            eye.X, eye.Y, eye.Z, 1);
    }
}
