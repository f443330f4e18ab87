using System.Numerics.Tensors;

namespace PhysicalAI.Learning.Layers;

/// <summary>max(x, 0), in place, and its gradient from the kept output.</summary>
public static class Relu
{
    /// <summary>Clamps <paramref name="values"/> at zero in place.</summary>
    public static void Forward(Span<float> values) => TensorPrimitives.Max(values, 0f, values);

    /// <summary>Zeroes the gradient where the output was zero (the unit was off).</summary>
    public static void Backward(ReadOnlySpan<float> output, Span<float> gradient)
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            if (output[i] <= 0)
            {
                gradient[i] = 0;
            }
        }
    }
}
