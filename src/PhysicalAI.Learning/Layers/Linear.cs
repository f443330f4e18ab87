using System.Numerics.Tensors;

namespace PhysicalAI.Learning.Layers;

/// <summary>A fully connected layer y = W·x + b, weights [out, in] (ONNX Gemm with transB = 1).</summary>
public sealed class Linear
{
    public Linear(string name, int inputs, int outputs)
    {
        (Inputs, Outputs) = (inputs, outputs);
        Weight = new Parameter($"{name}.weight", outputs, inputs);
        Bias = new Parameter($"{name}.bias", outputs);
    }

    public int Inputs { get; }

    public int Outputs { get; }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    /// <summary>He initialization (for a ReLU that follows) scaled by <paramref name="gain"/>; biases zero.</summary>
    public void Initialize(Random random, double gain = 1)
    {
        Weight.InitializeNormal(random, gain * Math.Sqrt(2.0 / Inputs));
        Array.Clear(Bias.Value);
    }

    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        ReadOnlySpan<float> w = Weight.Value;
        for (int o = 0; o < Outputs; o++)
        {
            output[o] = TensorPrimitives.Dot(w.Slice(o * Inputs, Inputs), input) + Bias.Value[o];
        }
    }

    /// <summary>Adds the weight and bias gradients; writes the input's gradient unless <paramref name="inputGradient"/> is empty.</summary>
    public void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, Span<float> weightGradient, Span<float> biasGradient, Span<float> inputGradient)
    {
        TensorPrimitives.Add(biasGradient, outputGradient, biasGradient);
        for (int o = 0; o < Outputs; o++)
        {
            Span<float> dw = weightGradient.Slice(o * Inputs, Inputs);
            TensorPrimitives.MultiplyAdd(input, outputGradient[o], dw, dw);
        }

        if (inputGradient.IsEmpty)
        {
            return;
        }

        ReadOnlySpan<float> w = Weight.Value;
        inputGradient.Clear();
        for (int o = 0; o < Outputs; o++)
        {
            TensorPrimitives.MultiplyAdd(w.Slice(o * Inputs, Inputs), outputGradient[o], inputGradient, inputGradient);
        }
    }
}
