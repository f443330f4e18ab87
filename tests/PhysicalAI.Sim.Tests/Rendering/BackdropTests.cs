using System.Numerics;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

/// <summary>Where nothing is drawn the image shows sky above the world horizon and floor below it.</summary>
public class BackdropTests
{
    private static readonly CameraIntrinsics Camera = new(320, 240, 300, 300, 160, 120);

    [Test]
    public void A_camera_pitched_down_sees_the_horizon_above_the_image_centre()
    {
        // Looking 0.1 rad below level: the horizon is at v = cy - fy * tan(0.1) = 89.90.
        Matrix4x4 cameraToWorld = OpticalFrame.LookAt(new Vector3(0, 0, 1), new Vector3(10, 0, 1 - (10 * MathF.Tan(0.1f))), Vector3.UnitZ);

        RenderedFrame frame = RenderedFrame.Of(Camera, cameraToWorld);

        Assert.Multiple(() =>
        {
            Assert.That(frame.Pixel(0, 0), Is.EqualTo(SoftwareRenderer.SkyColor));
            Assert.That(frame.Pixel(319, 89), Is.EqualTo(SoftwareRenderer.SkyColor), "row 89 is sampled at 89.5, just above the horizon");
            Assert.That(frame.Pixel(0, 90), Is.EqualTo(SoftwareRenderer.FloorColor), "row 90 is sampled at 90.5, just below it");
            Assert.That(frame.Pixel(160, 239), Is.EqualTo(SoftwareRenderer.FloorColor));
            Assert.That(frame.Depth, Has.All.EqualTo(float.PositiveInfinity));
        });
    }

    [TestCase(0.3f)]
    [TestCase(-2.0f)]
    [TestCase(8.0f)]
    public void A_rolled_camera_sees_a_slanted_horizon_pixel_for_pixel(float roll)
    {
        Matrix4x4 cameraToWorld = OpticalFrame.LookAt(new Vector3(0, 0, 1), new Vector3(5, 1, 0.8f), Vector3.Normalize(new Vector3(0, roll, 1)));

        RenderedFrame frame = RenderedFrame.Of(Camera, cameraToWorld);

        int mismatches = 0;
        for (int v = 0; v < frame.Height; v++)
        {
            for (int u = 0; u < frame.Width; u++)
            {
                double up = Vector3.TransformNormal(frame.RayThrough(u, v), cameraToWorld).Z;
                if (Math.Abs(up) > 1e-4 && frame.Pixel(u, v) != (up < 0 ? SoftwareRenderer.FloorColor : SoftwareRenderer.SkyColor))
                {
                    mismatches++;
                }
            }
        }

        Assert.That(mismatches, Is.Zero);
    }
}
