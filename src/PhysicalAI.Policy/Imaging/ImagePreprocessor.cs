namespace PhysicalAI.Policy.Imaging;

/// <summary>
/// Turns a camera frame (rgb8, bgr8, rgba8, bgra8 or mono8, any size and row step) into the model's image
/// tensor: fitted as <see cref="ImageInputSpec.Mode"/> says with bilinear sampling at pixel centres (as
/// OpenCV's INTER_LINEAR), channels in RGB order, each value mapped by the spec's scale, mean and std, in
/// NCHW or NHWC. The sampling tables depend only on the frame size, so they are built once per size and a
/// frame of a known size allocates nothing.
/// </summary>
public sealed class ImagePreprocessor
{
    private readonly float[] _gain = new float[3], _bias = new float[3];
    private int _sourceWidth = -1, _sourceHeight = -1;
    private Axis _xs = new([], [], [], []), _ys = new([], [], [], []);

    public ImagePreprocessor(ImageInputSpec spec)
    {
        if (spec.Width <= 0 || spec.Height <= 0)
        {
            throw new ArgumentException($"image input size {spec.Width}x{spec.Height} must be positive");
        }

        if (spec.Mean.Count != 3 || spec.Std.Count != 3 || spec.Std.Any(s => !(s > 0)))
        {
            throw new ArgumentException("image mean and std need three values each (R, G, B), std positive");
        }

        Spec = spec;
        for (int c = 0; c < 3; c++)
        {
            _gain[c] = (float)(spec.Scale / spec.Std[c]);
            _bias[c] = (float)(-spec.Mean[c] / spec.Std[c]);
        }
    }

    public ImageInputSpec Spec { get; }

    /// <summary>Fills <paramref name="tensor"/> (<see cref="ImageInputSpec.TensorLength"/> floats) from the frame.</summary>
    /// <exception cref="ArgumentException">The frame's size, step or data length do not fit together, or the tensor is the wrong size; the message says which.</exception>
    public void Process(ReadOnlySpan<byte> data, int width, int height, int step, PixelEncoding encoding, Span<float> tensor)
    {
        int bpp = encoding.BytesPerPixel();
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentException($"image size {width}x{height} must be positive");
        }

        if (step < width * bpp)
        {
            throw new ArgumentException($"image step {step} is less than width {width} × {bpp} bytes per pixel");
        }

        if (data.Length < (long)step * (height - 1) + (width * bpp))
        {
            throw new ArgumentException($"image data has {data.Length} bytes; {width}x{height} with step {step} needs {(long)step * height}");
        }

        if (tensor.Length != Spec.TensorLength)
        {
            throw new ArgumentException($"the tensor has {tensor.Length} floats; 3x{Spec.Height}x{Spec.Width} needs {Spec.TensorLength}");
        }

        if (width != _sourceWidth || height != _sourceHeight)
        {
            (_xs, _ys) = Tables(width, height);
            (_sourceWidth, _sourceHeight) = (width, height);
        }

        // Source channel of each output channel (R, G, B).
        (int r, int g, int b) = encoding switch
        {
            PixelEncoding.Bgr8 or PixelEncoding.Bgra8 => (2, 1, 0),
            PixelEncoding.Mono8 => (0, 0, 0),
            _ => (0, 1, 2),
        };

        int w = Spec.Width, h = Spec.Height, plane = w * h;
        bool nchw = Spec.Layout == TensorLayout.Nchw;
        float pad = Spec.PadValue;
        for (int y = 0; y < h; y++)
        {
            bool rowInside = _ys.Inside[y];
            ReadOnlySpan<byte> row0 = data.Slice(_ys.Low[y] * step);
            ReadOnlySpan<byte> row1 = data.Slice(_ys.High[y] * step);
            float wy = _ys.Weight[y];
            for (int x = 0; x < w; x++)
            {
                float vr = pad, vg = pad, vb = pad;
                if (rowInside && _xs.Inside[x])
                {
                    int a0 = _xs.Low[x] * bpp, a1 = _xs.High[x] * bpp;
                    float wx = _xs.Weight[x];
                    vr = Bilinear(row0, row1, a0 + r, a1 + r, wx, wy);
                    vg = Bilinear(row0, row1, a0 + g, a1 + g, wx, wy);
                    vb = Bilinear(row0, row1, a0 + b, a1 + b, wx, wy);
                }

                int at = (y * w) + x;
                if (nchw)
                {
                    tensor[at] = (vr * _gain[0]) + _bias[0];
                    tensor[plane + at] = (vg * _gain[1]) + _bias[1];
                    tensor[(2 * plane) + at] = (vb * _gain[2]) + _bias[2];
                }
                else
                {
                    tensor[3 * at] = (vr * _gain[0]) + _bias[0];
                    tensor[(3 * at) + 1] = (vg * _gain[1]) + _bias[1];
                    tensor[(3 * at) + 2] = (vb * _gain[2]) + _bias[2];
                }
            }
        }
    }

    private static float Bilinear(ReadOnlySpan<byte> row0, ReadOnlySpan<byte> row1, int i0, int i1, float wx, float wy)
    {
        float top = row0[i0] + (wx * (row0[i1] - row0[i0]));
        float bottom = row1[i0] + (wx * (row1[i1] - row1[i0]));
        return top + (wy * (bottom - top));
    }

    /// <summary>Where each output column and row samples the source: neighbours, weight, and whether it is inside the fitted content.</summary>
    private (Axis X, Axis Y) Tables(int sourceWidth, int sourceHeight)
    {
        double sx = (double)Spec.Width / sourceWidth, sy = (double)Spec.Height / sourceHeight;
        (sx, sy) = Spec.Mode switch
        {
            ResizeMode.PadToSquare => (Math.Min(sx, sy), Math.Min(sx, sy)),
            ResizeMode.CenterCrop => (Math.Max(sx, sy), Math.Max(sx, sy)),
            _ => (sx, sy),
        };

        return (Axis.Create(Spec.Width, sourceWidth, sx), Axis.Create(Spec.Height, sourceHeight, sy));
    }

    private sealed record Axis(int[] Low, int[] High, float[] Weight, bool[] Inside)
    {
        /// <summary><paramref name="outputs"/> samples of a source of <paramref name="size"/> scaled by <paramref name="scale"/>, centred.</summary>
        public static Axis Create(int outputs, int size, double scale)
        {
            double content = size * scale, offset = (outputs - content) / 2;
            var axis = new Axis(new int[outputs], new int[outputs], new float[outputs], new bool[outputs]);
            for (int i = 0; i < outputs; i++)
            {
                double inContent = i + 0.5 - offset;
                axis.Inside[i] = inContent >= 0 && inContent < content;
                double u = Math.Clamp((inContent / scale) - 0.5, 0, size - 1);
                int low = (int)Math.Floor(u);
                axis.Low[i] = low;
                axis.High[i] = Math.Min(low + 1, size - 1);
                axis.Weight[i] = (float)(u - low);
            }

            return axis;
        }
    }
}
