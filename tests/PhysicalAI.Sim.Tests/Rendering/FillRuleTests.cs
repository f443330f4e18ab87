using System.Numerics;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

/// <summary>Pixels on shared edges are painted exactly once, so meshes show no cracks and no seams.</summary>
public class FillRuleTests
{
    private static readonly CameraIntrinsics Camera = new(320, 240, 300, 300, 160, 120);
    private static readonly Rgb Grey = new(180, 180, 180);

    [Test]
    public void A_face_with_corners_on_pixel_centres_covers_exactly_its_pixels_including_the_diagonal()
    {
        // The front face projects to [100.5, 200.5] x [60.5, 160.5]: every edge, and the diagonal splitting it into
        // two triangles, runs through pixel centres. The top-left rule takes the top and left edges only, so exactly
        // columns 100..199 and rows 60..159 are drawn, with nothing missing on the diagonal.
        const float FaceDepth = 1.5f;
        float left = (float)((100.5 - Camera.Cx) / Camera.Fx * FaceDepth), right = (float)((200.5 - Camera.Cx) / Camera.Fx * FaceDepth);
        float top = (float)((60.5 - Camera.Cy) / Camera.Fy * FaceDepth), bottom = (float)((160.5 - Camera.Cy) / Camera.Fy * FaceDepth);
        var box = new RenderShape(
            ShapeKind.Box,
            new Vector3(right - left, bottom - top, 0.2f),
            Matrix4x4.CreateTranslation((left + right) / 2, (top + bottom) / 2, FaceDepth + 0.1f),
            Grey);

        RenderedFrame frame = RenderedFrame.Of(Camera, Matrix4x4.Identity, box);

        Assert.Multiple(() =>
        {
            Assert.That(frame.DrawnBounds(), Is.EqualTo((100, 60, 199, 159)));
            Assert.That(frame.DrawnCount, Is.EqualTo(100 * 100));
        });
    }

    [TestCase(ShapeKind.Sphere)]
    [TestCase(ShapeKind.Cylinder)]
    public void Tessellated_shapes_are_solid_inside_their_outline(ShapeKind kind)
    {
        // Turned so that many triangle edges cross the view at odd angles.
        const float Radius = 0.5f, Distance = 3;
        Matrix4x4 pose = Matrix4x4.CreateRotationX(0.37f) * Matrix4x4.CreateRotationY(1.1f) * Matrix4x4.CreateTranslation(0, 0, Distance);
        var size = kind == ShapeKind.Sphere ? new Vector3(Radius) : new Vector3(Radius, Radius, 2 * Radius);
        RenderedFrame frame = RenderedFrame.Of(Camera, Matrix4x4.Identity, new RenderShape(kind, size, pose, Grey));

        // Anything within 0.8 of the projected radius is inside the outline, whatever the tessellation and turn.
        double solid = 0.8 * Camera.Fx * Radius / Distance;
        var holes = new List<(int, int)>();
        for (int v = 0; v < frame.Height; v++)
        {
            for (int u = 0; u < frame.Width; u++)
            {
                double du = u + 0.5 - Camera.Cx, dv = v + 0.5 - Camera.Cy;
                if ((du * du) + (dv * dv) < solid * solid && !frame.IsDrawn(u, v))
                {
                    holes.Add((u, v));
                }
            }
        }

        Assert.That(holes, Is.Empty);
    }

    [Test]
    public void Two_boxes_sharing_a_face_leave_no_gap_between_them()
    {
        // Side by side along x, touching at x = 0, seen obliquely: their shared boundary must be gap-free.
        Matrix4x4 turn = Matrix4x4.CreateRotationY(0.4f) * Matrix4x4.CreateRotationX(0.3f);
        RenderShape Half(float centreX) => new(ShapeKind.Box, new Vector3(0.4f, 0.6f, 0.6f), Matrix4x4.CreateTranslation(centreX, 0, 0) * turn * Matrix4x4.CreateTranslation(0, 0, 2.5f), Grey);

        RenderedFrame pair = RenderedFrame.Of(Camera, Matrix4x4.Identity, Half(-0.2f), Half(0.2f));
        RenderedFrame whole = RenderedFrame.Of(Camera, Matrix4x4.Identity, new RenderShape(ShapeKind.Box, new Vector3(0.8f, 0.6f, 0.6f), turn * Matrix4x4.CreateTranslation(0, 0, 2.5f), Grey));

        Assert.That(pair.DrawnCount, Is.EqualTo(whole.DrawnCount).Within(whole.DrawnCount / 200), "the pair covers what one box of their joint size covers");
        for (int v = 0; v < pair.Height; v++)
        {
            for (int u = 0; u < pair.Width; u++)
            {
                if (whole.IsDrawn(u, v) && IsInterior(whole, u, v))
                {
                    Assert.That(pair.IsDrawn(u, v), Is.True, $"gap at ({u}, {v})");
                }
            }
        }
    }

    private static bool IsInterior(RenderedFrame frame, int u, int v) =>
        u > 0 && v > 0 && u < frame.Width - 1 && v < frame.Height - 1
        && frame.IsDrawn(u - 1, v) && frame.IsDrawn(u + 1, v) && frame.IsDrawn(u, v - 1) && frame.IsDrawn(u, v + 1);
}
