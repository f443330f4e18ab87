using System.Numerics;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

/// <summary>The same scene and camera always give the same bytes, whatever was rendered before.</summary>
public class DeterminismTests
{
    private static readonly CameraIntrinsics Camera = CameraIntrinsics.FromHorizontalFieldOfView(320, 240, 1.2);

    [Test]
    public void Rendering_the_same_scene_twice_gives_identical_image_and_depth()
    {
        RenderShape[] scene = Scene(0);
        Matrix4x4 cameraToWorld = OpticalFrame.LookAt(new Vector3(1.4f, -0.9f, 1.1f), new Vector3(0.4f, 0, 0.3f), Vector3.UnitZ);
        var renderer = new SoftwareRenderer(Camera);

        RenderedFrame first = RenderedFrame.Of(renderer, cameraToWorld, scene);
        RenderedFrame other = RenderedFrame.Of(renderer, OpticalFrame.LookAt(new Vector3(0.2f, 0.1f, 0.6f), new Vector3(0.5f, 0, 0), Vector3.UnitZ), Scene(1));
        RenderedFrame again = RenderedFrame.Of(renderer, cameraToWorld, scene);
        RenderedFrame fresh = RenderedFrame.Of(new SoftwareRenderer(Camera), cameraToWorld, scene);

        Assert.Multiple(() =>
        {
            Assert.That(first.DrawnCount, Is.GreaterThan(5000), "the scene is in view");
            Assert.That(other.Rgb8, Is.Not.EqualTo(first.Rgb8), "the frame in between differs");
            Assert.That(again.Rgb8, Is.EqualTo(first.Rgb8), "same renderer, after another frame");
            Assert.That(again.Depth, Is.EqualTo(first.Depth));
            Assert.That(fresh.Rgb8, Is.EqualTo(first.Rgb8), "a new renderer");
            Assert.That(fresh.Depth, Is.EqualTo(first.Depth));
        });
    }

    /// <summary>A table, cubes, and arm-like links, some crossing the near plane of the second camera.</summary>
    private static RenderShape[] Scene(int variant)
    {
        var shapes = new List<RenderShape>
        {
            new(ShapeKind.Box, new Vector3(1.2f, 1.6f, 0.05f), Matrix4x4.CreateTranslation(0.5f, 0, -0.025f), new Rgb(150, 110, 70)),
        };
        for (int i = 0; i < 5; i++)
        {
            shapes.Add(new RenderShape(ShapeKind.Box, new Vector3(0.05f), Matrix4x4.CreateRotationZ(i * 0.4f) * Matrix4x4.CreateTranslation(0.3f + (0.1f * i), (0.15f * i) - 0.3f, 0.025f), new Rgb((byte)(50 * i), 200, (byte)(250 - (40 * i)))));
        }

        for (int i = 0; i < 6; i++)
        {
            Matrix4x4 link = Matrix4x4.CreateRotationY(0.3f * (i + variant)) * Matrix4x4.CreateTranslation(0.05f * i, 0.02f * i, 0.1f + (0.12f * i));
            shapes.Add(new RenderShape(ShapeKind.Cylinder, new Vector3(0.04f, 0.04f, 0.12f), link, new Rgb(230, 230, 235)));
            shapes.Add(new RenderShape(ShapeKind.Sphere, new Vector3(0.05f), link, new Rgb(60, 60, 70)));
        }

        return [.. shapes];
    }
}
