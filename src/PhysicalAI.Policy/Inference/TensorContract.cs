namespace PhysicalAI.Policy.Inference;

/// <summary>A model input or output as the policy card expects it: name and shape (-1 for a free dimension), float elements.</summary>
public sealed record TensorContract(string Name, long[] Shape)
{
    public override string ToString() => $"{Name} float[{string.Join(", ", Shape.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}
