using System.IO.Compression;
using System.Numerics;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

public class PngWriterTests
{
    [TestCase(1, 1)]
    [TestCase(37, 23)]
    [TestCase(320, 240)]
    public void An_image_reads_back_pixel_for_pixel(int width, int height)
    {
        byte[] rgb8 = Pattern(width, height, seed: width);

        MinimalPngReader.Image image = MinimalPngReader.Read(Write(width, height, rgb8));

        Assert.Multiple(() =>
        {
            Assert.That(image.Width, Is.EqualTo(width));
            Assert.That(image.Height, Is.EqualTo(height));
            Assert.That(image.Rgb8, Is.EqualTo(rgb8));
            Assert.That(image.Chunks[0], Is.EqualTo("IHDR"));
            Assert.That(image.Chunks[^1], Is.EqualTo("IEND"));
        });
    }

    [Test]
    public void A_rendered_frame_reads_back_pixel_for_pixel()
    {
        var camera = CameraIntrinsics.FromHorizontalFieldOfView(160, 120, 1.0);
        RenderedFrame frame = RenderedFrame.Of(camera, OpticalFrame.LookAt(new Vector3(2, 1, 1), Vector3.Zero, Vector3.UnitZ), new RenderShape(ShapeKind.Box, new Vector3(0.5f), Matrix4x4.Identity, new Rgb(200, 40, 90)));

        Assert.That(MinimalPngReader.Read(Write(160, 120, frame.Rgb8)).Rgb8, Is.EqualTo(frame.Rgb8));
    }

    [Test]
    public void Large_incompressible_images_are_split_over_several_IDAT_chunks()
    {
        byte[] noise = new byte[300 * 200 * 3];
        new Random(7).NextBytes(noise);

        MinimalPngReader.Image image = MinimalPngReader.Read(Write(300, 200, noise, CompressionLevel.Fastest));

        Assert.That(image.Chunks.Count(c => c == "IDAT"), Is.GreaterThan(1));
        Assert.That(image.Rgb8, Is.EqualTo(noise));
    }

    [Test]
    public void The_file_starts_with_the_PNG_signature_and_a_13_byte_IHDR()
    {
        byte[] png = Write(2, 3, new byte[18]);

        Assert.That(png.AsSpan(0, 16).ToArray(), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }));
        Assert.That(png.AsSpan(16, 13).ToArray(), Is.EqualTo(new byte[] { 0, 0, 0, 2, 0, 0, 0, 3, 8, 2, 0, 0, 0 }));
    }

    [Test]
    public void Too_few_bytes_for_the_size_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => PngWriter.WriteRgb8(new MemoryStream(), 4, 4, new byte[47]));
            Assert.Throws<ArgumentOutOfRangeException>(() => PngWriter.WriteRgb8(new MemoryStream(), 0, 4, []));
        });
    }

    private static byte[] Write(int width, int height, byte[] rgb8, CompressionLevel? level = null)
    {
        using var output = new MemoryStream();
        if (level is { } chosen)
        {
            PngWriter.WriteRgb8(output, width, height, rgb8, chosen);
        }
        else
        {
            PngWriter.WriteRgb8(output, width, height, rgb8);
        }

        return output.ToArray();
    }

    /// <summary>Gradients with some noise, so rows and channels all differ.</summary>
    private static byte[] Pattern(int width, int height, int seed)
    {
        var random = new Random(seed);
        var rgb8 = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int at = ((y * width) + x) * 3;
                rgb8[at] = (byte)(x * 7);
                rgb8[at + 1] = (byte)(y * 11);
                rgb8[at + 2] = (byte)random.Next(256);
            }
        }

        return rgb8;
    }
}
