using System.Numerics;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

/// <summary>The depth buffer: nearer surfaces win whatever the drawing order, and Depth reports their distance.</summary>
public class OcclusionTests
{
    private static readonly CameraIntrinsics Camera = new(320, 240, 300, 300, 160, 120);
    private static readonly Rgb Red = new(200, 30, 30);
    private static readonly Rgb Blue = new(30, 60, 210);

    // Face-on, axis-aligned cubes: the camera sees only their front faces, at z = centre - edge / 2.
    private static readonly RenderShape Near = new(ShapeKind.Box, new Vector3(0.5f), Matrix4x4.CreateTranslation(0, 0, 2), Red);
    private static readonly RenderShape Far = new(ShapeKind.Box, new Vector3(1.0f), Matrix4x4.CreateTranslation(0.2f, 0.1f, 4), Blue);

    [TestCase(false)]
    [TestCase(true)]
    public void The_nearer_cube_hides_the_farther_one_whichever_is_drawn_first(bool nearFirst)
    {
        RenderShape[] shapes = nearFirst ? [Near, Far] : [Far, Near];

        RenderedFrame frame = RenderedFrame.Of(Camera, Matrix4x4.Identity, shapes);

        // Near front face spans [117, 203] x [77, 163]; far front face spans [134, 220] x [86, 171].
        Assert.Multiple(() =>
        {
            foreach ((int u, int v) in new[] { (160, 120), (140, 100), (195, 135) })
            {
                Assert.That(Hue.Distance(frame.Pixel(u, v), Red), Is.LessThan(3), $"near cube at ({u}, {v})");
                Assert.That(frame.DepthAt(u, v), Is.EqualTo(1.75f).Within(1e-4), $"near depth at ({u}, {v})");
            }

            foreach ((int u, int v) in new[] { (212, 125), (150, 167) })
            {
                Assert.That(Hue.Distance(frame.Pixel(u, v), Blue), Is.LessThan(3), $"far cube at ({u}, {v})");
                Assert.That(frame.DepthAt(u, v), Is.EqualTo(3.5f).Within(1e-4), $"far depth at ({u}, {v})");
            }

            Assert.That(frame.DepthAt(5, 5), Is.EqualTo(float.PositiveInfinity), "nothing drawn in the corner");
        });
    }

    [Test]
    public void Depth_along_an_oblique_face_is_the_optical_z_of_the_surface()
    {
        // A face tilted about y: the plane z = 2 + 0.5 x. Depth should follow z, not the ray length.
        float tilt = MathF.Atan(0.5f);
        Matrix4x4 pose = Matrix4x4.CreateTranslation(0, 0, 0.05f) * Matrix4x4.CreateRotationY(-tilt) * Matrix4x4.CreateTranslation(0, 0, 2);
        RenderedFrame frame = RenderedFrame.Of(Camera, Matrix4x4.Identity, new RenderShape(ShapeKind.Box, new Vector3(1.2f, 1.2f, 0.1f), pose, Red));

        int checkedPixels = 0;
        for (int v = 80; v < 160; v += 7)
        {
            for (int u = 100; u < 220; u += 9)
            {
                Vector3 ray = frame.RayThrough(u, v);
                float expected = 2 / (1 - (0.5f * ray.X));
                Assert.That(frame.DepthAt(u, v), Is.EqualTo(expected).Within(expected * 1e-4), $"pixel ({u}, {v})");
                checkedPixels++;
            }
        }

        Assert.That(checkedPixels, Is.GreaterThan(100));
    }
}
