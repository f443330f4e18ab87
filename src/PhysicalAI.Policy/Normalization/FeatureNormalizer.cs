namespace PhysicalAI.Policy.Normalization;

/// <summary>
/// Normalizes a feature vector (a state, an action) for the model and back, per dimension, with the
/// statistics shipped in the policy card. A dimension with no spread (std or range 0) is passed through
/// centred, not divided by zero. Allocates nothing per call.
/// </summary>
public sealed class FeatureNormalizer
{
    private const double Epsilon = 1e-8;

    private readonly double[] _offset, _scale;

    private FeatureNormalizer(NormalizationKind kind, double[] offset, double[] scale)
    {
        Kind = kind;
        _offset = offset;
        _scale = scale;
    }

    public NormalizationKind Kind { get; }

    public int Dimensions => _offset.Length;

    /// <summary>
    /// A normalizer of <paramref name="kind"/>: <paramref name="a"/> and <paramref name="b"/> are mean and std
    /// (MeanStd), min and max (MinMax) or q01 and q99 (Quantiles), one per dimension; ignored for Identity
    /// (then <paramref name="dimensions"/> says how many).
    /// </summary>
    /// <exception cref="ArgumentException">Statistics of different lengths, or not finite; the message says which.</exception>
    public static FeatureNormalizer Create(NormalizationKind kind, IReadOnlyList<double> a, IReadOnlyList<double> b, int dimensions = 0)
    {
        if (kind == NormalizationKind.Identity)
        {
            return new FeatureNormalizer(kind, new double[dimensions], [.. Enumerable.Repeat(1.0, dimensions)]);
        }

        if (a.Count != b.Count || a.Count == 0)
        {
            throw new ArgumentException($"{kind} statistics need one pair per dimension: got {a.Count} and {b.Count} values");
        }

        var offset = new double[a.Count];
        var scale = new double[a.Count];
        for (int i = 0; i < a.Count; i++)
        {
            if (!double.IsFinite(a[i]) || !double.IsFinite(b[i]))
            {
                throw new ArgumentException($"{kind} statistics of dimension {i} are not finite ({a[i]}, {b[i]})");
            }

            // x_model = (x − offset) / scale.
            (offset[i], scale[i]) = kind switch
            {
                NormalizationKind.MeanStd => (a[i], b[i]),
                _ => ((a[i] + b[i]) / 2, (b[i] - a[i]) / 2),
            };

            if (scale[i] < 0)
            {
                throw new ArgumentException($"{kind} statistics of dimension {i}: the spread is negative ({a[i]}, {b[i]})");
            }

            scale[i] = Math.Max(scale[i], Epsilon);
        }

        return new FeatureNormalizer(kind, offset, scale);
    }

    /// <summary>Into the model's units.</summary>
    public void Normalize(ReadOnlySpan<double> values, Span<float> model)
    {
        Check(values.Length, model.Length);
        for (int i = 0; i < _offset.Length; i++)
        {
            model[i] = (float)((values[i] - _offset[i]) / _scale[i]);
        }
    }

    /// <summary>Back from the model's units.</summary>
    public void Unnormalize(ReadOnlySpan<float> model, Span<double> values)
    {
        Check(values.Length, model.Length);
        for (int i = 0; i < _offset.Length; i++)
        {
            values[i] = (model[i] * _scale[i]) + _offset[i];
        }
    }

    private void Check(int values, int model)
    {
        if (values < _offset.Length || model < _offset.Length)
        {
            throw new ArgumentException($"{Dimensions} dimensions to normalize; got room for {values} and {model}");
        }
    }
}
