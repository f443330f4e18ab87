using System.Numerics.Tensors;

namespace PhysicalAI.Learning.Layers;

/// <summary>
/// Spatial softmax (Levine et al., 2016): each channel's map becomes a probability over its pixels, and
/// the channel's keypoint is the expected image position under it, x and y in [−1, 1] (pixel centres,
/// left/top −1). Output: (x, y) per channel, interleaved — the same as a Softmax over the flattened map
/// followed by a MatMul with <see cref="Coordinates"/>, which is how it is exported.
/// </summary>
public sealed class SpatialSoftmax
{
    private readonly float[] _x, _y;

    /// <summary>Keypoints of <paramref name="channels"/> maps of <paramref name="height"/> × <paramref name="width"/>.</summary>
    public SpatialSoftmax(int channels, int height, int width)
    {
        (Channels, Height, Width) = (channels, height, width);
        _x = new float[height * width];
        _y = new float[height * width];
        Coordinates = new float[height * width * 2];
        for (int i = 0; i < height; i++)
        {
            for (int j = 0; j < width; j++)
            {
                int p = (i * width) + j;
                _x[p] = (((2f * j) + 1) / width) - 1;
                _y[p] = (((2f * i) + 1) / height) - 1;
                Coordinates[2 * p] = _x[p];
                Coordinates[(2 * p) + 1] = _y[p];
            }
        }
    }

    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }

    /// <summary>Pixel positions as a [height·width, 2] matrix of (x, y) rows.</summary>
    public float[] Coordinates { get; }

    public int OutputLength => 2 * Channels;

    /// <summary>Keypoints of <paramref name="logits"/> into <paramref name="output"/>; the probabilities stay in <paramref name="probabilities"/> for the backward pass.</summary>
    public void Forward(ReadOnlySpan<float> logits, Span<float> probabilities, Span<float> output)
    {
        int plane = Height * Width;
        for (int c = 0; c < Channels; c++)
        {
            Span<float> p = probabilities.Slice(c * plane, plane);
            TensorPrimitives.SoftMax(logits.Slice(c * plane, plane), p);
            output[2 * c] = TensorPrimitives.Dot(p, _x);
            output[(2 * c) + 1] = TensorPrimitives.Dot(p, _y);
        }
    }

    /// <summary>The logits' gradient from the keypoints' gradient: softmax Jacobian pᵢ(gᵢ − Σ pⱼgⱼ) with gᵢ = dx·xᵢ + dy·yᵢ.</summary>
    public void Backward(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> outputGradient, Span<float> logitGradient)
    {
        int plane = Height * Width;
        for (int c = 0; c < Channels; c++)
        {
            ReadOnlySpan<float> p = probabilities.Slice(c * plane, plane);
            Span<float> g = logitGradient.Slice(c * plane, plane);
            float dx = outputGradient[2 * c], dy = outputGradient[(2 * c) + 1];

            // Σ pⱼgⱼ = dx·E[x] + dy·E[y].
            float mean = (dx * TensorPrimitives.Dot(p, _x)) + (dy * TensorPrimitives.Dot(p, _y));
            TensorPrimitives.Multiply(_x, dx, g);
            TensorPrimitives.MultiplyAdd(_y, dy, g, g);
            TensorPrimitives.Subtract(g, mean, g);
            TensorPrimitives.Multiply(g, p, g);
        }
    }
}
