using PhysicalAI.Policy.Imaging;

namespace PhysicalAI.Policy.Tests;

public class ImagePreprocessorTests
{
    private static float[] Run(ImageInputSpec spec, byte[] data, int width, int height, PixelEncoding encoding, int? step = null)
    {
        var tensor = new float[spec.TensorLength];
        new ImagePreprocessor(spec).Process(data, width, height, step ?? width * encoding.BytesPerPixel(), encoding, tensor);
        return tensor;
    }

    private static byte[] Fill(int width, int height, params byte[] pixel) =>
        [.. Enumerable.Range(0, width * height).SelectMany(_ => pixel)];

    [TestCase(PixelEncoding.Rgb8, new byte[] { 10, 100, 200 })]
    [TestCase(PixelEncoding.Bgr8, new byte[] { 200, 100, 10 })]
    [TestCase(PixelEncoding.Rgba8, new byte[] { 10, 100, 200, 255 })]
    [TestCase(PixelEncoding.Bgra8, new byte[] { 200, 100, 10, 7 })]
    public void EveryEncoding_GivesRgbChannels_NormalizedByMeanAndStd(PixelEncoding encoding, byte[] pixel)
    {
        var spec = new ImageInputSpec { Width = 4, Height = 3, Mean = [0.5, 0.5, 0.5], Std = [0.25, 0.5, 1.0] };
        float[] t = Run(spec, Fill(7, 5, pixel), 7, 5, encoding);
        Assert.Multiple(() =>
        {
            Assert.That(t[..12], Is.All.EqualTo((float)(((10 / 255.0) - 0.5) / 0.25)).Within(1e-5), "R plane");
            Assert.That(t[12..24], Is.All.EqualTo((float)(((100 / 255.0) - 0.5) / 0.5)).Within(1e-5), "G plane");
            Assert.That(t[24..], Is.All.EqualTo((float)((200 / 255.0) - 0.5)).Within(1e-5), "B plane");
        });
    }

    [Test]
    public void Mono_IsRepeatedIntoThreeChannels_AndNhwcInterleaves()
    {
        float[] t = Run(new ImageInputSpec { Width = 2, Height = 2, Layout = TensorLayout.Nhwc, Scale = 1 }, Fill(3, 3, 9), 3, 3, PixelEncoding.Mono8);
        Assert.That(t, Is.EqualTo(Enumerable.Repeat(9f, 12).ToArray()));

        float[] rgb = Run(new ImageInputSpec { Width = 1, Height = 1, Layout = TensorLayout.Nhwc, Scale = 1 }, [1, 2, 3], 1, 1, PixelEncoding.Rgb8);
        Assert.That(rgb, Is.EqualTo(new[] { 1f, 2f, 3f }));
    }

    [Test]
    public void Stretch_SamplesPixelCentresBilinearly()
    {
        // A horizontal ramp 0..255 over 256 columns, halved: output x samples source x = 2x + 0.5.
        byte[] ramp = [.. Enumerable.Range(0, 2).SelectMany(_ => Enumerable.Range(0, 256).Select(v => (byte)v))];
        float[] t = Run(new ImageInputSpec { Width = 128, Height = 1, Scale = 1 }, [.. ramp.SelectMany(v => new[] { v, v, v })], 256, 2, PixelEncoding.Rgb8);
        Assert.That(t[..128], Is.EqualTo(Enumerable.Range(0, 128).Select(x => (2 * x) + 0.5f).ToArray()).Within(1e-4));
    }

    [Test]
    public void PadToSquare_KeepsTheAspect_AndPadsTheRest()
    {
        // A 4x2 white frame into 4x4: rows 0 and 3 are padding (value 0), rows 1-2 the frame.
        float[] t = Run(new ImageInputSpec { Width = 4, Height = 4, Mode = ResizeMode.PadToSquare, Scale = 1, PadValue = 0 }, Fill(4, 2, 255, 255, 255), 4, 2, PixelEncoding.Rgb8);
        float[] r = t[..16];
        Assert.That(r, Is.EqualTo(new float[] { 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 0 }));
    }

    [Test]
    public void CenterCrop_CutsTheOverhangEvenly()
    {
        // A 4x2 frame whose columns are 10, 20, 30, 40, into 2x2: the middle two columns.
        byte[] frame = [.. Enumerable.Range(0, 2).SelectMany(_ => new byte[] { 10, 20, 30, 40 }).SelectMany(v => new[] { v, v, v })];
        float[] t = Run(new ImageInputSpec { Width = 2, Height = 2, Mode = ResizeMode.CenterCrop, Scale = 1 }, frame, 4, 2, PixelEncoding.Rgb8);
        Assert.That(t[..4], Is.EqualTo(new float[] { 20, 30, 20, 30 }));
    }

    [Test]
    public void RowPadding_InTheStep_IsSkipped()
    {
        // 2x2 rgb8 with a step of 8 (2 bytes of padding per row, set to 99).
        byte[] data = [1, 1, 1, 1, 1, 1, 99, 99, 1, 1, 1, 1, 1, 1, 99, 99];
        float[] t = Run(new ImageInputSpec { Width = 2, Height = 2, Scale = 1 }, data, 2, 2, PixelEncoding.Rgb8, step: 8);
        Assert.That(t, Is.All.EqualTo(1f));
    }

    [Test]
    public void InconsistentFrames_AndUnknownEncodings_AreClearErrors()
    {
        var pre = new ImagePreprocessor(new ImageInputSpec { Width = 2, Height = 2 });
        var tensor = new float[12];
        Assert.Multiple(() =>
        {
            Assert.That(() => pre.Process(new byte[10], 2, 2, 6, PixelEncoding.Rgb8, tensor),
                Throws.ArgumentException.With.Message.EqualTo("image data has 10 bytes; 2x2 with step 6 needs 12"));
            Assert.That(() => pre.Process(new byte[12], 2, 2, 5, PixelEncoding.Rgb8, tensor),
                Throws.ArgumentException.With.Message.EqualTo("image step 5 is less than width 2 × 3 bytes per pixel"));
            Assert.That(() => pre.Process(new byte[12], 2, 2, 6, PixelEncoding.Rgb8, new float[5]),
                Throws.ArgumentException.With.Message.EqualTo("the tensor has 5 floats; 3x2x2 needs 12"));
            Assert.That(() => PixelEncodings.Parse("yuv422"),
                Throws.TypeOf<NotSupportedException>().With.Message.EqualTo("image encoding 'yuv422' is not supported; use rgb8, bgr8, rgba8, bgra8 or mono8 (image_proc can convert)"));
        });
    }
}
