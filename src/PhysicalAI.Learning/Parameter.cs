namespace PhysicalAI.Learning;

/// <summary>A trainable tensor: its values (row-major) and shape, named as it is exported.</summary>
public sealed class Parameter
{
    /// <summary>A parameter of <paramref name="shape"/>, all zero.</summary>
    public Parameter(string name, params int[] shape)
    {
        Name = name;
        Shape = shape;
        Value = new float[shape.Aggregate(1, (a, b) => a * b)];
    }

    /// <summary>The name of its ONNX initializer.</summary>
    public string Name { get; }

    public int[] Shape { get; }

    public float[] Value { get; }

    public int Length => Value.Length;

    /// <summary>Fills with N(0, std²) from <paramref name="random"/> (Box-Muller, so a seed gives the same values everywhere).</summary>
    public void InitializeNormal(Random random, double std)
    {
        for (int i = 0; i < Value.Length; i++)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            Value[i] = (float)(std * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
    }
}
