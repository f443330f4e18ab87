using System.Globalization;

namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>A parameter value of one of ROS 2's nine parameter types, immutable, compared by value.</summary>
public sealed class ParameterValue : IEquatable<ParameterValue>
{
    private ParameterValue(ParameterType type, object? value)
    {
        Type = type;
        Value = value;
    }

    /// <summary>The value's type.</summary>
    public ParameterType Type { get; }

    /// <summary>The boxed value: bool, long, double, string or an array of byte, bool, long, double or string.</summary>
    public object? Value { get; }

    /// <summary>No value.</summary>
    public static ParameterValue NotSet { get; } = new(ParameterType.NotSet, null);

    public static ParameterValue Of(bool value) => new(ParameterType.Bool, value);

    public static ParameterValue Of(long value) => new(ParameterType.Integer, value);

    public static ParameterValue Of(double value) => new(ParameterType.Double, value);

    public static ParameterValue Of(string value) => new(ParameterType.String, value ?? throw new ArgumentNullException(nameof(value)));

    public static ParameterValue Of(byte[] value) => new(ParameterType.ByteArray, (byte[])value.Clone());

    public static ParameterValue Of(bool[] value) => new(ParameterType.BoolArray, (bool[])value.Clone());

    public static ParameterValue Of(long[] value) => new(ParameterType.IntegerArray, (long[])value.Clone());

    public static ParameterValue Of(double[] value) => new(ParameterType.DoubleArray, (double[])value.Clone());

    public static ParameterValue Of(string[] value) => new(ParameterType.StringArray, (string[])value.Clone());

    /// <summary>The value as ROS tools print it: <c>true</c>, <c>42</c>, <c>0.5</c>, <c>hello</c>, <c>[1, 2]</c>.</summary>
    public override string ToString() => Value switch
    {
        null => "not set",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => s,
        byte[] a => "[" + string.Join(", ", a.Select(b => b.ToString(CultureInfo.InvariantCulture))) + "]",
        bool[] a => "[" + string.Join(", ", a.Select(b => b ? "true" : "false")) + "]",
        long[] a => "[" + string.Join(", ", a.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]",
        double[] a => "[" + string.Join(", ", a.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]",
        string[] a => "[" + string.Join(", ", a) + "]",
        _ => Value.ToString() ?? string.Empty,
    };

    /// <inheritdoc/>
    public bool Equals(ParameterValue? other) =>
        other is not null && Type == other.Type && Value switch
        {
            null => other.Value is null,
            byte[] a => a.AsSpan().SequenceEqual((byte[])other.Value!),
            bool[] a => a.AsSpan().SequenceEqual((bool[])other.Value!),
            long[] a => a.AsSpan().SequenceEqual((long[])other.Value!),
            double[] a => a.AsSpan().SequenceEqual((double[])other.Value!),
            string[] a => a.AsSpan().SequenceEqual((string[])other.Value!),
            _ => Value.Equals(other.Value),
        };

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ParameterValue);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, Value is Array a ? a.Length : Value?.GetHashCode() ?? 0);
}
