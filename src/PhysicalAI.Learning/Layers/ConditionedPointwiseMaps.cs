using System.Numerics.Tensors;

namespace PhysicalAI.Learning.Layers;

/// <summary>
/// Maps whose 1x1-convolution weights come from a condition vector: a linear layer turns the condition
/// (the instruction's embedding) into <see cref="Maps"/> × channels weights, and each map is that weighted
/// sum of the feature channels at every pixel. Followed by a spatial softmax it is a keypoint the
/// instruction chooses ("where is the red thing"), which a plain MLP over fixed keypoints would have to
/// learn to gate by itself. Exported as Gemm, Reshape and MatMul.
/// </summary>
public sealed class ConditionedPointwiseMaps
{
    public ConditionedPointwiseMaps(string name, int conditionLength, int channels, int maps, int pixels)
    {
        (Channels, Maps, Pixels) = (channels, maps, pixels);
        Weights = new Linear(name, conditionLength, maps * channels);
    }

    public int Channels { get; }

    public int Maps { get; }

    public int Pixels { get; }

    /// <summary>Condition → per-map channel weights, [maps·channels, condition].</summary>
    public Linear Weights { get; }

    public int OutputLength => Maps * Pixels;

    /// <summary>Length of the per-sample channel weights kept for the backward pass.</summary>
    public int GainLength => Maps * Channels;

    public void Initialize(Random random) => Weights.Initialize(random, Math.Sqrt(0.5 / Channels));

    /// <summary>Maps from <paramref name="features"/> [channels, pixels] and <paramref name="condition"/>; the channel weights stay in <paramref name="gains"/>.</summary>
    public void Forward(ReadOnlySpan<float> features, ReadOnlySpan<float> condition, Span<float> gains, Span<float> output)
    {
        Weights.Forward(condition, gains);
        for (int m = 0; m < Maps; m++)
        {
            Span<float> map = output.Slice(m * Pixels, Pixels);
            map.Clear();
            for (int c = 0; c < Channels; c++)
            {
                TensorPrimitives.MultiplyAdd(features.Slice(c * Pixels, Pixels), gains[(m * Channels) + c], map, map);
            }
        }
    }

    /// <summary>
    /// Adds the features' gradient to <paramref name="featureGradient"/> and the condition's to
    /// <paramref name="conditionGradient"/>, and the layer's weight gradients; <paramref name="gainGradient"/> is scratch.
    /// </summary>
    public void Backward(
        ReadOnlySpan<float> features,
        ReadOnlySpan<float> condition,
        ReadOnlySpan<float> gains,
        ReadOnlySpan<float> outputGradient,
        Span<float> featureGradient,
        Span<float> conditionGradient,
        Span<float> weightGradient,
        Span<float> biasGradient,
        Span<float> gainGradient,
        Span<float> conditionScratch)
    {
        for (int m = 0; m < Maps; m++)
        {
            ReadOnlySpan<float> dmap = outputGradient.Slice(m * Pixels, Pixels);
            for (int c = 0; c < Channels; c++)
            {
                gainGradient[(m * Channels) + c] = TensorPrimitives.Dot(dmap, features.Slice(c * Pixels, Pixels));
                Span<float> df = featureGradient.Slice(c * Pixels, Pixels);
                TensorPrimitives.MultiplyAdd(dmap, gains[(m * Channels) + c], df, df);
            }
        }

        Weights.Backward(condition, gainGradient, weightGradient, biasGradient, conditionScratch);
        TensorPrimitives.Add(conditionGradient, conditionScratch, conditionGradient);
    }
}
