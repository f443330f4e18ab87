using System.Numerics;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

public class OpticalFrameTests
{
    [Test]
    public void The_optical_frame_of_a_camera_link_looks_along_its_x_with_image_right_along_minus_y()
    {
        Matrix4x4 link = Matrix4x4.CreateRotationZ(MathF.PI / 2) * Matrix4x4.CreateTranslation(1, 2, 3);

        Matrix4x4 optical = OpticalFrame.FromCameraLink(link);

        // The link looks along world +y after its quarter turn; its left (+y) is world -x, its up is world +z.
        Assert.Multiple(() =>
        {
            AssertClose(Vector3.TransformNormal(Vector3.UnitZ, optical), Vector3.UnitY, "optical z: forward");
            AssertClose(Vector3.TransformNormal(Vector3.UnitX, optical), Vector3.UnitX, "optical x: right, the link's -y");
            AssertClose(Vector3.TransformNormal(Vector3.UnitY, optical), -Vector3.UnitZ, "optical y: down");
            AssertClose(optical.Translation, new Vector3(1, 2, 3), "same origin");
        });
    }

    [Test]
    public void Look_at_points_the_optical_axis_at_the_target_with_up_at_the_top_of_the_image()
    {
        var eye = new Vector3(1.5f, -0.5f, 1.0f);
        var target = new Vector3(0.2f, 0.3f, 0.1f);

        Matrix4x4 pose = OpticalFrame.LookAt(eye, target, Vector3.UnitZ);

        Assert.Multiple(() =>
        {
            AssertClose(Vector3.TransformNormal(Vector3.UnitZ, pose), Vector3.Normalize(target - eye), "forward");
            Assert.That(Vector3.TransformNormal(Vector3.UnitY, pose).Z, Is.LessThan(0), "image down points down in the world");
            Assert.That(Vector3.TransformNormal(Vector3.UnitX, pose).Z, Is.EqualTo(0).Within(1e-6), "no roll");
            Assert.That(pose.GetDeterminant(), Is.EqualTo(1).Within(1e-5), "a rotation, right-handed");
            AssertClose(pose.Translation, eye, "at the eye");
        });
    }

    [Test]
    public void Looking_straight_along_up_is_refused()
    {
        Assert.Throws<ArgumentException>(() => OpticalFrame.LookAt(Vector3.Zero, new Vector3(0, 0, -1), Vector3.UnitZ));
    }

    private static void AssertClose(Vector3 actual, Vector3 expected, string what) =>
        Assert.That(Vector3.Distance(actual, expected), Is.LessThan(1e-5f), $"{what}: {actual} vs {expected}");
}
