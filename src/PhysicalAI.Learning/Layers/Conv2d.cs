using System.Numerics.Tensors;

namespace PhysicalAI.Learning.Layers;

/// <summary>
/// A 2-D convolution over one [channels, height, width] sample, as ONNX Conv computes it (weights
/// [out, in, k, k], zero padding on every side, one stride for both axes). The input is unrolled into
/// columns (im2col) so both passes are row-by-row multiply-adds over the output plane, which
/// <see cref="TensorPrimitives"/> vectorizes; the columns are kept by the caller for the backward pass.
/// </summary>
public sealed class Conv2d
{
    /// <summary>A convolution from <paramref name="inChannels"/> maps of <paramref name="inHeight"/> × <paramref name="inWidth"/>.</summary>
    public Conv2d(string name, int inChannels, int outChannels, int kernel, int stride, int padding, int inHeight, int inWidth)
    {
        (InChannels, OutChannels, Kernel, Stride, Padding, InHeight, InWidth) = (inChannels, outChannels, kernel, stride, padding, inHeight, inWidth);
        OutHeight = ((inHeight + (2 * padding) - kernel) / stride) + 1;
        OutWidth = ((inWidth + (2 * padding) - kernel) / stride) + 1;
        Weight = new Parameter($"{name}.weight", outChannels, inChannels, kernel, kernel);
        Bias = new Parameter($"{name}.bias", outChannels);
    }

    public int InChannels { get; }

    public int OutChannels { get; }

    public int Kernel { get; }

    public int Stride { get; }

    public int Padding { get; }

    public int InHeight { get; }

    public int InWidth { get; }

    public int OutHeight { get; }

    public int OutWidth { get; }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    public int InputLength => InChannels * InHeight * InWidth;

    public int OutputLength => OutChannels * OutHeight * OutWidth;

    /// <summary>Rows of the unrolled input: one per (input channel, kernel row, kernel column).</summary>
    public int ColumnRows => InChannels * Kernel * Kernel;

    /// <summary>Floats of the unrolled input.</summary>
    public int ColumnLength => ColumnRows * OutHeight * OutWidth;

    /// <summary>He initialization for a ReLU that follows; biases zero.</summary>
    public void Initialize(Random random)
    {
        Weight.InitializeNormal(random, Math.Sqrt(2.0 / ColumnRows));
        Array.Clear(Bias.Value);
    }

    /// <summary>Computes <paramref name="output"/> from <paramref name="input"/>, leaving the unrolled input in <paramref name="columns"/>.</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> output, Span<float> columns)
    {
        Unroll(input, columns);
        int plane = OutHeight * OutWidth, rows = ColumnRows;
        ReadOnlySpan<float> weight = Weight.Value;
        for (int o = 0; o < OutChannels; o++)
        {
            Span<float> y = output.Slice(o * plane, plane);
            y.Fill(Bias.Value[o]);
            ReadOnlySpan<float> w = weight.Slice(o * rows, rows);
            for (int r = 0; r < rows; r++)
            {
                TensorPrimitives.MultiplyAdd(columns.Slice(r * plane, plane), w[r], y, y);
            }
        }
    }

    /// <summary>
    /// Adds this sample's weight and bias gradients and, unless <paramref name="inputGradient"/> is empty (the
    /// first layer), writes the input's gradient; <paramref name="columnGradient"/> is scratch of <see cref="ColumnLength"/>.
    /// </summary>
    public void Backward(
        ReadOnlySpan<float> columns,
        ReadOnlySpan<float> outputGradient,
        Span<float> weightGradient,
        Span<float> biasGradient,
        Span<float> inputGradient,
        Span<float> columnGradient)
    {
        int plane = OutHeight * OutWidth, rows = ColumnRows;
        for (int o = 0; o < OutChannels; o++)
        {
            ReadOnlySpan<float> dy = outputGradient.Slice(o * plane, plane);
            biasGradient[o] += TensorPrimitives.Sum(dy);
            Span<float> dw = weightGradient.Slice(o * rows, rows);
            for (int r = 0; r < rows; r++)
            {
                dw[r] += TensorPrimitives.Dot(dy, columns.Slice(r * plane, plane));
            }
        }

        if (inputGradient.IsEmpty)
        {
            return;
        }

        ReadOnlySpan<float> weight = Weight.Value;
        columnGradient.Clear();
        for (int o = 0; o < OutChannels; o++)
        {
            ReadOnlySpan<float> dy = outputGradient.Slice(o * plane, plane);
            ReadOnlySpan<float> w = weight.Slice(o * rows, rows);
            for (int r = 0; r < rows; r++)
            {
                Span<float> dc = columnGradient.Slice(r * plane, plane);
                TensorPrimitives.MultiplyAdd(dy, w[r], dc, dc);
            }
        }

        Fold(columnGradient, inputGradient);
    }

    /// <summary>im2col: row (c, ky, kx), column (oy, ox) holds input[c, oy·s − p + ky, ox·s − p + kx], zero outside.</summary>
    private void Unroll(ReadOnlySpan<float> input, Span<float> columns)
    {
        int plane = OutHeight * OutWidth;
        for (int c = 0; c < InChannels; c++)
        {
            ReadOnlySpan<float> channel = input.Slice(c * InHeight * InWidth, InHeight * InWidth);
            for (int ky = 0; ky < Kernel; ky++)
            {
                for (int kx = 0; kx < Kernel; kx++)
                {
                    Span<float> row = columns.Slice((((c * Kernel) + ky) * Kernel + kx) * plane, plane);
                    for (int oy = 0; oy < OutHeight; oy++)
                    {
                        int iy = (oy * Stride) - Padding + ky;
                        Span<float> line = row.Slice(oy * OutWidth, OutWidth);
                        if (iy < 0 || iy >= InHeight)
                        {
                            line.Clear();
                            continue;
                        }

                        ReadOnlySpan<float> source = channel.Slice(iy * InWidth, InWidth);
                        for (int ox = 0; ox < OutWidth; ox++)
                        {
                            int ix = (ox * Stride) - Padding + kx;
                            line[ox] = ix >= 0 && ix < InWidth ? source[ix] : 0;
                        }
                    }
                }
            }
        }
    }

    /// <summary>col2im: the transpose of <see cref="Unroll"/>, summing every column entry back into its input pixel.</summary>
    private void Fold(ReadOnlySpan<float> columnGradient, Span<float> inputGradient)
    {
        inputGradient.Clear();
        int plane = OutHeight * OutWidth;
        for (int c = 0; c < InChannels; c++)
        {
            Span<float> channel = inputGradient.Slice(c * InHeight * InWidth, InHeight * InWidth);
            for (int ky = 0; ky < Kernel; ky++)
            {
                for (int kx = 0; kx < Kernel; kx++)
                {
                    ReadOnlySpan<float> row = columnGradient.Slice((((c * Kernel) + ky) * Kernel + kx) * plane, plane);
                    for (int oy = 0; oy < OutHeight; oy++)
                    {
                        int iy = (oy * Stride) - Padding + ky;
                        if (iy < 0 || iy >= InHeight)
                        {
                            continue;
                        }

                        ReadOnlySpan<float> line = row.Slice(oy * OutWidth, OutWidth);
                        Span<float> target = channel.Slice(iy * InWidth, InWidth);
                        for (int ox = 0; ox < OutWidth; ox++)
                        {
                            int ix = (ox * Stride) - Padding + kx;
                            if (ix >= 0 && ix < InWidth)
                            {
                                target[ix] += line[ox];
                            }
                        }
                    }
                }
            }
        }
    }
}
