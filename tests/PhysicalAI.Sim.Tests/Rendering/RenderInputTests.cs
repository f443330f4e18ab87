using System.Numerics;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

public class RenderInputTests
{
    private static readonly CameraIntrinsics Camera = new(320, 240, 300, 300, 160, 120);

    [Test]
    public void Bad_input_is_refused_before_the_frame_is_touched()
    {
        var renderer = new SoftwareRenderer(Camera);
        var rgb8 = new byte[320 * 240 * 3];
        var nan = new RenderShape(ShapeKind.Box, Vector3.One, Matrix4x4.CreateTranslation(float.NaN, 0, 1), new Rgb(1, 2, 3));
        var unknown = new RenderShape((ShapeKind)7, Vector3.One, Matrix4x4.CreateTranslation(0, 0, 2), new Rgb(1, 2, 3));

        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => renderer.Render([], Matrix4x4.Identity, new byte[(320 * 240 * 3) - 1]));
            Assert.Throws<ArgumentException>(() => renderer.Render([], new Matrix4x4(), rgb8), "a singular camera pose");
            Assert.Throws<ArgumentException>(() => renderer.Render([nan], Matrix4x4.Identity, rgb8));
            Assert.Throws<ArgumentException>(() => renderer.Render([unknown], Matrix4x4.Identity, rgb8));
            Assert.That(rgb8, Has.All.EqualTo(0));
        });
    }
}
