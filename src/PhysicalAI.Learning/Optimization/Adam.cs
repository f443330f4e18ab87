using System.Numerics.Tensors;

namespace PhysicalAI.Learning.Optimization;

/// <summary>
/// Adam (Kingma and Ba, 2015) with bias correction over a set of parameters; the caller sets
/// <see cref="LearningRate"/> per step for a schedule. Moment buffers are allocated once.
/// </summary>
public sealed class Adam
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly float[][] _m, _v, _scratch;
    private long _step;

    public Adam(IReadOnlyList<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        _parameters = parameters;
        _m = [.. parameters.Select(p => new float[p.Length])];
        _v = [.. parameters.Select(p => new float[p.Length])];
        _scratch = [.. parameters.Select(p => new float[p.Length])];
        (LearningRate, Beta1, Beta2, Epsilon) = (learningRate, beta1, beta2, epsilon);
    }

    public double LearningRate { get; set; }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Epsilon { get; }

    /// <summary>Steps taken.</summary>
    public long Steps => _step;

    /// <summary>One update from <paramref name="gradients"/> (one array per parameter, in order).</summary>
    public void Step(IReadOnlyList<float[]> gradients)
    {
        _step++;
        float b1 = (float)Beta1, b2 = (float)Beta2;
        double correction1 = 1 - Math.Pow(Beta1, _step), correction2 = 1 - Math.Pow(Beta2, _step);
        float stepSize = (float)(LearningRate * Math.Sqrt(correction2) / correction1);
        float epsilon = (float)(Epsilon * Math.Sqrt(correction2));
        for (int i = 0; i < _parameters.Count; i++)
        {
            Span<float> g = gradients[i], m = _m[i], v = _v[i], s = _scratch[i], w = _parameters[i].Value;

            // m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g².
            TensorPrimitives.Multiply(m, b1, m);
            TensorPrimitives.MultiplyAdd(g, 1 - b1, m, m);
            TensorPrimitives.Multiply(g, g, s);
            TensorPrimitives.Multiply(v, b2, v);
            TensorPrimitives.MultiplyAdd(s, 1 - b2, v, v);

            // w ← w − α·m̂ / (√v̂ + ε), with both corrections folded into the step size and ε.
            TensorPrimitives.Sqrt(v, s);
            TensorPrimitives.Add(s, epsilon, s);
            TensorPrimitives.Divide(m, s, s);
            TensorPrimitives.MultiplyAdd(s, -stepSize, w, w);
        }
    }
}
