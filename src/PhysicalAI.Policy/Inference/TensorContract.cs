using Microsoft.ML.OnnxRuntime.Tensors;

namespace PhysicalAI.Policy.Inference;

/// <summary>
/// A model input or output as the policy card expects it: name, shape (-1 for a free dimension) and element
/// type — float for images, state and actions, int64 for token ids and masks as tokenizers export them.
/// </summary>
public sealed record TensorContract(string Name, long[] Shape, TensorElementType ElementType = TensorElementType.Float)
{
    public override string ToString() =>
        $"{Name} {ElementType.ToString().ToLowerInvariant()}[{string.Join(", ", Shape.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}
