using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

public class CameraIntrinsicsTests
{
    [Test]
    public void A_90_degree_field_of_view_has_the_focal_length_of_half_the_width()
    {
        CameraIntrinsics k = CameraIntrinsics.FromHorizontalFieldOfView(640, 480, Math.PI / 2);

        Assert.Multiple(() =>
        {
            Assert.That(k.Width, Is.EqualTo(640));
            Assert.That(k.Height, Is.EqualTo(480));
            Assert.That(k.Fx, Is.EqualTo(320).Within(1e-9));
            Assert.That(k.Fy, Is.EqualTo(k.Fx), "square pixels");
            Assert.That(k.Cx, Is.EqualTo(320), "pixel centres at +0.5, so the image centre is width / 2");
            Assert.That(k.Cy, Is.EqualTo(240));
        });
    }

    [TestCase(320, 240, 60.0)]
    [TestCase(640, 480, 90.0)]
    [TestCase(101, 77, 120.0)]
    [TestCase(64, 64, 10.0)]
    public void Rays_at_half_the_field_of_view_land_on_the_left_and_right_image_edges(int width, int height, double fovDegrees)
    {
        double fov = fovDegrees * Math.PI / 180;
        CameraIntrinsics k = CameraIntrinsics.FromHorizontalFieldOfView(width, height, fov);

        double slope = Math.Tan(fov / 2);
        Assert.Multiple(() =>
        {
            Assert.That((k.Fx * slope) + k.Cx, Is.EqualTo(width).Within(1e-9));
            Assert.That((k.Fx * -slope) + k.Cx, Is.EqualTo(0).Within(1e-9));
            Assert.That(k.Fy, Is.EqualTo(k.Fx));
            Assert.That(k.Cy, Is.EqualTo(height / 2.0));
        });
    }

    [Test]
    public void Sixty_degrees_across_320_pixels_is_a_focal_length_of_277_point_13()
    {
        Assert.That(CameraIntrinsics.FromHorizontalFieldOfView(320, 240, Math.PI / 3).Fx, Is.EqualTo(277.128).Within(1e-3));
    }

    [TestCase(0.0)]
    [TestCase(-0.5)]
    [TestCase(Math.PI)]
    [TestCase(double.NaN)]
    public void Fields_of_view_a_pinhole_cannot_have_are_refused(double fov)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CameraIntrinsics.FromHorizontalFieldOfView(320, 240, fov));
    }

    [Test]
    public void Empty_images_and_non_positive_focal_lengths_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => _ = new CameraIntrinsics(0, 240, 300, 300, 0, 120));
            Assert.Throws<ArgumentOutOfRangeException>(() => _ = new CameraIntrinsics(320, 240, 0, 300, 160, 120));
            Assert.Throws<ArgumentOutOfRangeException>(() => _ = new CameraIntrinsics(320, 240, 300, double.NaN, 160, 120));
        });
    }
}
