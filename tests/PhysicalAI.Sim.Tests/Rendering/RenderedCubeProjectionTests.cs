using System.Numerics;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

/// <summary>Where a cube lands in the image, checked against the pinhole projection of its corners.</summary>
public class RenderedCubeProjectionTests
{
    private static readonly CameraIntrinsics Camera = new(320, 240, 300, 300, 160, 120);
    private static readonly Rgb Orange = new(220, 110, 30);

    [Test]
    public void A_tilted_cube_fills_the_bounding_box_of_its_projected_corners()
    {
        const float Edge = 0.5f;
        Matrix4x4 pose = Matrix4x4.CreateRotationY(0.5f) * Matrix4x4.CreateRotationX(0.3f) * Matrix4x4.CreateTranslation(0.1f, -0.05f, 2.0f);

        // Camera optical frame = world frame, so the corners' world coordinates are optical coordinates.
        RenderedFrame frame = RenderedFrame.Of(Camera, Matrix4x4.Identity, new RenderShape(ShapeKind.Box, new Vector3(Edge), pose, Orange));

        AssertDrawnBoundsMatchCorners(frame, CubeCorners(Edge).Select(c => Vector3.Transform(c, pose)));
        Rgb centre = frame.Pixel(ProjectedCentre(pose.Translation).U, ProjectedCentre(pose.Translation).V);
        Assert.That(Hue.Distance(centre, Orange), Is.LessThan(4), $"centre pixel {centre} should have the cube's hue");
    }

    [Test]
    public void A_cube_seen_from_a_posed_camera_lands_where_the_camera_axes_project_it()
    {
        const float Edge = 0.3f;
        Matrix4x4 pose = Matrix4x4.CreateRotationZ(0.7f) * Matrix4x4.CreateTranslation(0.6f, 0.25f, 0.15f);
        var eye = new Vector3(1.6f, -0.7f, 0.9f);
        Matrix4x4 cameraToWorld = OpticalFrame.LookAt(eye, new Vector3(0.5f, 0.1f, 0.2f), Vector3.UnitZ);

        RenderedFrame frame = RenderedFrame.Of(Camera, cameraToWorld, new RenderShape(ShapeKind.Box, new Vector3(Edge), pose, Orange));

        // Into the optical frame by projecting onto its axes, the rows of the pose, rather than through Invert.
        var right = new Vector3(cameraToWorld.M11, cameraToWorld.M12, cameraToWorld.M13);
        var down = new Vector3(cameraToWorld.M21, cameraToWorld.M22, cameraToWorld.M23);
        var forward = new Vector3(cameraToWorld.M31, cameraToWorld.M32, cameraToWorld.M33);
        Vector3 ToOptical(Vector3 world) => new(Vector3.Dot(world - eye, right), Vector3.Dot(world - eye, down), Vector3.Dot(world - eye, forward));

        AssertDrawnBoundsMatchCorners(frame, CubeCorners(Edge).Select(c => ToOptical(Vector3.Transform(c, pose))));
        (int u, int v) = ProjectedCentre(ToOptical(pose.Translation));
        Assert.That(Hue.Distance(frame.Pixel(u, v), Orange), Is.LessThan(4));
    }

    [Test]
    public void The_look_at_target_is_at_the_image_centre()
    {
        var target = new Vector3(0.4f, -0.3f, 0.5f);
        Matrix4x4 cameraToWorld = OpticalFrame.LookAt(new Vector3(-1, 1.5f, 1.2f), target, Vector3.UnitZ);

        RenderedFrame frame = RenderedFrame.Of(Camera, cameraToWorld, new RenderShape(ShapeKind.Sphere, new Vector3(0.05f), Matrix4x4.CreateTranslation(target), Orange));

        (int MinU, int MinV, int MaxU, int MaxV) box = frame.DrawnBounds() ?? throw new AssertionException("nothing drawn");
        Assert.Multiple(() =>
        {
            Assert.That((box.MinU + box.MaxU + 1) / 2.0, Is.EqualTo(Camera.Cx).Within(1));
            Assert.That((box.MinV + box.MaxV + 1) / 2.0, Is.EqualTo(Camera.Cy).Within(1));
        });
    }

    [Test]
    public void Every_visible_face_of_a_cube_gets_its_own_shade_of_the_same_hue()
    {
        var camera = new CameraIntrinsics(160, 120, 150, 150, 80, 60);
        foreach (Vector3 eye in new[] { new Vector3(2, 1.5f, 1.2f), new Vector3(-2, 1.5f, 1.2f), new Vector3(2, -1.5f, 1.2f), new Vector3(-2, -1.5f, 1.2f), new Vector3(1.8f, 1.3f, -1.1f), new Vector3(-1.8f, -1.3f, -1.1f) })
        {
            RenderedFrame frame = RenderedFrame.Of(camera, OpticalFrame.LookAt(eye, Vector3.Zero, Vector3.UnitZ), new RenderShape(ShapeKind.Box, Vector3.One, Matrix4x4.Identity, Orange));

            var shades = new HashSet<Rgb>();
            for (int v = 0; v < frame.Height; v++)
            {
                for (int u = 0; u < frame.Width; u++)
                {
                    if (frame.IsDrawn(u, v))
                    {
                        shades.Add(frame.Pixel(u, v));
                    }
                }
            }

            Assert.That(shades, Has.Count.EqualTo(3), $"three faces seen from {eye}, each flat-shaded differently");
            Assert.That(shades.Select(s => Hue.Distance(s, Orange)), Has.All.LessThan(3));
            Assert.That(shades.Select(s => (int)s.R).Order().Zip(shades.Select(s => (int)s.R).Order().Skip(1), (a, b) => b - a), Has.All.GreaterThan(10), "faces clearly distinguishable");
        }
    }

    private static void AssertDrawnBoundsMatchCorners(RenderedFrame frame, IEnumerable<Vector3> opticalCorners)
    {
        Vector2[] projected = [.. opticalCorners.Select(p => new Vector2(
            (float)((Camera.Fx * p.X / p.Z) + Camera.Cx),
            (float)((Camera.Fy * p.Y / p.Z) + Camera.Cy)))];
        (int MinU, int MinV, int MaxU, int MaxV) drawn = frame.DrawnBounds() ?? throw new AssertionException("nothing drawn");

        // Pixel u spans [u, u + 1): the drawn pixels' outer edges should hug the corners' extremes.
        Assert.Multiple(() =>
        {
            Assert.That(drawn.MinU, Is.EqualTo(projected.Min(p => p.X)).Within(1.5));
            Assert.That(drawn.MaxU + 1, Is.EqualTo(projected.Max(p => p.X)).Within(1.5));
            Assert.That(drawn.MinV, Is.EqualTo(projected.Min(p => p.Y)).Within(1.5));
            Assert.That(drawn.MaxV + 1, Is.EqualTo(projected.Max(p => p.Y)).Within(1.5));
        });
    }

    private static (int U, int V) ProjectedCentre(Vector3 optical) =>
        ((int)((Camera.Fx * optical.X / optical.Z) + Camera.Cx), (int)((Camera.Fy * optical.Y / optical.Z) + Camera.Cy));

    private static IEnumerable<Vector3> CubeCorners(float edge)
    {
        float h = edge / 2;
        for (int i = 0; i < 8; i++)
        {
            yield return new Vector3((i & 1) == 0 ? -h : h, (i & 2) == 0 ? -h : h, (i & 4) == 0 ? -h : h);
        }
    }
}
