using System.Numerics.Tensors;

namespace PhysicalAI.Learning.Layers;

/// <summary>
/// Token embeddings averaged over the tokens the mask keeps: an instruction of ids and a 0/1 mask becomes
/// one vector, whatever its length and padding (exported as Gather, then the mask's weighted sum ÷ its count).
/// </summary>
public sealed class MaskedMeanEmbedding
{
    public MaskedMeanEmbedding(string name, int vocabulary, int dimensions)
    {
        (Vocabulary, Dimensions) = (vocabulary, dimensions);
        Table = new Parameter($"{name}.weight", vocabulary, dimensions);
    }

    public int Vocabulary { get; }

    public int Dimensions { get; }

    /// <summary>One row per token id.</summary>
    public Parameter Table { get; }

    public void Initialize(Random random) => Table.InitializeNormal(random, 1.0);

    public void Forward(ReadOnlySpan<long> ids, ReadOnlySpan<long> mask, Span<float> output)
    {
        output.Clear();
        float count = Count(mask);
        for (int t = 0; t < ids.Length; t++)
        {
            if (mask[t] != 0)
            {
                TensorPrimitives.MultiplyAdd(Row(Table.Value, ids[t]), mask[t] / count, output, output);
            }
        }
    }

    /// <summary>Adds each kept token's share of the output gradient to its row.</summary>
    public void Backward(ReadOnlySpan<long> ids, ReadOnlySpan<long> mask, ReadOnlySpan<float> outputGradient, Span<float> tableGradient)
    {
        float count = Count(mask);
        for (int t = 0; t < ids.Length; t++)
        {
            if (mask[t] != 0)
            {
                Span<float> row = tableGradient.Slice((int)ids[t] * Dimensions, Dimensions);
                TensorPrimitives.MultiplyAdd(outputGradient, mask[t] / count, row, row);
            }
        }
    }

    private ReadOnlySpan<float> Row(ReadOnlySpan<float> table, long id) => table.Slice((int)id * Dimensions, Dimensions);

    // An all-padding mask would divide by zero; it averages nothing to a zero vector instead.
    private static float Count(ReadOnlySpan<long> mask)
    {
        long sum = 0;
        foreach (long m in mask)
        {
            sum += m;
        }

        return Math.Max(sum, 1);
    }
}
