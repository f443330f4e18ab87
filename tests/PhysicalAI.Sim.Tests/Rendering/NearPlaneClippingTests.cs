using System.Numerics;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

/// <summary>Geometry behind the camera, or crossing its plane, must not draw garbage.</summary>
public class NearPlaneClippingTests
{
    private static readonly CameraIntrinsics Camera = new(320, 240, 300, 300, 160, 120);
    private static readonly Rgb Green = new(40, 180, 60);

    [Test]
    public void Shapes_entirely_behind_the_camera_draw_nothing()
    {
        RenderedFrame empty = RenderedFrame.Of(Camera, Matrix4x4.Identity);

        // Behind (z < 0), including ones whose projection through the centre would land in the image.
        RenderedFrame frame = RenderedFrame.Of(
            Camera,
            Matrix4x4.Identity,
            new RenderShape(ShapeKind.Box, new Vector3(0.5f), Matrix4x4.CreateTranslation(0, 0, -2), Green),
            new RenderShape(ShapeKind.Sphere, new Vector3(0.3f), Matrix4x4.CreateTranslation(0.4f, 0.2f, -1), Green),
            new RenderShape(ShapeKind.Cylinder, new Vector3(0.1f, 0.1f, 1), Matrix4x4.CreateRotationX(1) * Matrix4x4.CreateTranslation(-0.3f, 0, -0.6f), Green),
            new RenderShape(ShapeKind.Box, new Vector3(0.2f), Matrix4x4.CreateTranslation(0, 0, -0.005f), Green));

        Assert.Multiple(() =>
        {
            Assert.That(frame.DrawnCount, Is.Zero);
            Assert.That(frame.Rgb8, Is.EqualTo(empty.Rgb8), "the image is just the background");
        });
    }

    [Test]
    public void A_floor_slab_running_under_and_behind_the_camera_draws_exactly_its_top_face()
    {
        // 20 m x 20 m slab whose top face is the plane y = 0.5 (0.5 m below the camera, y down), z from -10 to 10.
        var slab = new RenderShape(ShapeKind.Box, new Vector3(20, 0.1f, 20), Matrix4x4.CreateTranslation(0, 0.55f, 0), Green);
        AssertOnlyFaceDrawn(slab, hit: ray => ray.Y > 0 ? 0.5f / ray.Y : float.PositiveInfinity, extent: p => MathF.Max(MathF.Abs(p.X), MathF.Abs(p.Z)) / 10);
    }

    [Test]
    public void A_wall_running_beside_and_behind_the_camera_draws_exactly_its_inner_face()
    {
        // A wall on the left: inner face at x = -0.95, 4 m tall, from z = -5 to 5; near-clipped corners land far
        // outside the image, so this also exercises clipping to the guard band.
        var wall = new RenderShape(ShapeKind.Box, new Vector3(0.1f, 4, 10), Matrix4x4.CreateTranslation(-1, 0, 0), Green);
        AssertOnlyFaceDrawn(wall, hit: ray => ray.X < 0 ? -0.95f / ray.X : float.PositiveInfinity, extent: p => MathF.Max(MathF.Abs(p.Y) / 2, MathF.Abs(p.Z) / 5));
    }

    [Test]
    public void A_rotated_box_straddling_the_camera_plane_draws_only_in_front_of_the_near_plane()
    {
        var box = new RenderShape(ShapeKind.Box, new Vector3(3, 0.4f, 3), Matrix4x4.CreateRotationY(0.6f) * Matrix4x4.CreateRotationZ(0.2f) * Matrix4x4.CreateTranslation(0.5f, 0.6f, 0.2f), Green);

        RenderedFrame frame = RenderedFrame.Of(Camera, Matrix4x4.Identity, box);

        Assert.That(frame.DrawnCount, Is.GreaterThan(1000));
        Assert.That(frame.Depth.Where(float.IsFinite), Has.All.GreaterThanOrEqualTo(SoftwareRenderer.NearPlane * 0.999f).And.All.LessThan(5));
    }

    [Test]
    public void A_plate_grazing_the_camera_is_cut_off_at_the_near_plane()
    {
        // Front face on the plane z = 0.005 + 2x: the ray through a pixel meets it at z = 0.005 / (1 - 2 x/z),
        // nearer than the near plane over the left of the image, beyond it towards the right.
        float slope = MathF.Atan(2);
        Matrix4x4 pose = Matrix4x4.CreateTranslation(0, 0, 0.005f) * Matrix4x4.CreateRotationY(-slope) * Matrix4x4.CreateTranslation(0, 0, 0.005f);
        RenderedFrame frame = RenderedFrame.Of(Camera, Matrix4x4.Identity, new RenderShape(ShapeKind.Box, new Vector3(2, 2, 0.01f), pose, Green));

        int tooNear = 0, missing = 0, checkedFar = 0;
        for (int v = 0; v < frame.Height; v++)
        {
            for (int u = 0; u < frame.Width; u++)
            {
                float z = 0.005f / (1 - (2 * frame.RayThrough(u, v).X));
                if (z > 0 && z < 0.95f * SoftwareRenderer.NearPlane && frame.IsDrawn(u, v))
                {
                    tooNear++;
                }
                else if (z > 1.05f * SoftwareRenderer.NearPlane && z < 0.5f)
                {
                    checkedFar++;
                    missing += frame.IsDrawn(u, v) ? 0 : 1;
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(tooNear, Is.Zero, "pixels drawn nearer than the near plane");
            Assert.That(checkedFar, Is.GreaterThan(1000));
            Assert.That(missing, Is.Zero, "pixels beyond the near plane left undrawn");
            Assert.That(frame.Depth.Where(float.IsFinite), Has.All.GreaterThanOrEqualTo(0.999f * SoftwareRenderer.NearPlane));
        });
    }

    /// <summary>
    /// Checks every pixel: where the ray meets the face well inside its edges, the face is drawn at the right depth;
    /// where it misses the face, nothing is drawn. One pixel of slack is left around the face's outline.
    /// </summary>
    private static void AssertOnlyFaceDrawn(RenderShape shape, Func<Vector3, float> hit, Func<Vector3, float> extent)
    {
        RenderedFrame frame = RenderedFrame.Of(Camera, Matrix4x4.Identity, shape);
        RenderedFrame empty = RenderedFrame.Of(Camera, Matrix4x4.Identity);
        int drawn = 0, missed = 0, wrongDepth = 0, garbage = 0;
        for (int v = 0; v < frame.Height; v++)
        {
            for (int u = 0; u < frame.Width; u++)
            {
                Vector3 ray = frame.RayThrough(u, v);
                float z = hit(ray);
                float where = float.IsFinite(z) ? extent(ray * z) : float.PositiveInfinity;
                bool clearlyInside = where < 0.98f && z > 2 * SoftwareRenderer.NearPlane;
                bool clearlyOutside = where > 1.02f;
                if (frame.IsDrawn(u, v))
                {
                    drawn++;
                    if (clearlyOutside)
                    {
                        garbage++;
                    }
                    else if (clearlyInside && MathF.Abs(frame.DepthAt(u, v) - z) > z * 1e-3f)
                    {
                        wrongDepth++;
                    }
                }
                else if (clearlyInside)
                {
                    missed++;
                }
                else if (frame.Pixel(u, v) != empty.Pixel(u, v))
                {
                    garbage++;
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(drawn, Is.GreaterThan(frame.Width * frame.Height / 4), "a good part of the image shows the face");
            Assert.That(missed, Is.Zero, "pixels looking at the face but not drawn");
            Assert.That(wrongDepth, Is.Zero, "pixels drawn at the wrong depth");
            Assert.That(garbage, Is.Zero, "pixels drawn or painted where the face is not");
        });
    }
}
