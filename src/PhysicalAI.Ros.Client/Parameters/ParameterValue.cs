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

    /// <summary>A value of C# type <typeparamref name="T"/>: bool, int, long, float, double, string, or an array of byte, bool, int, long, double or string.</summary>
    /// <exception cref="InvalidParameterTypeException"><typeparamref name="T"/> is not a parameter type.</exception>
    public static ParameterValue From<T>(T value) => value switch
    {
        ParameterValue v => v,
        bool b => Of(b),
        int i => Of((long)i),
        long l => Of(l),
        float f => Of((double)f),
        double d => Of(d),
        string s => Of(s),
        byte[] a => Of(a),
        bool[] a => Of(a),
        int[] a => Of(a.Select(i => (long)i).ToArray()),
        long[] a => Of(a),
        double[] a => Of(a),
        string[] a => Of(a),
        _ => throw new InvalidParameterTypeException($"{typeof(T).Name} is not a parameter type (use bool, long, double, string, or an array of byte, bool, long, double or string)"),
    };

    /// <summary>The parameter type that holds C# type <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidParameterTypeException"><typeparamref name="T"/> is not a parameter type.</exception>
    public static ParameterType TypeOf<T>() => typeof(T) switch
    {
        var t when t == typeof(bool) => ParameterType.Bool,
        var t when t == typeof(int) || t == typeof(long) => ParameterType.Integer,
        var t when t == typeof(float) || t == typeof(double) => ParameterType.Double,
        var t when t == typeof(string) => ParameterType.String,
        var t when t == typeof(byte[]) => ParameterType.ByteArray,
        var t when t == typeof(bool[]) => ParameterType.BoolArray,
        var t when t == typeof(int[]) || t == typeof(long[]) => ParameterType.IntegerArray,
        var t when t == typeof(double[]) => ParameterType.DoubleArray,
        var t when t == typeof(string[]) => ParameterType.StringArray,
        _ => throw new InvalidParameterTypeException($"{typeof(T).Name} is not a parameter type (use bool, long, double, string, or an array of byte, bool, long, double or string)"),
    };

    /// <summary>The value as C# type <typeparamref name="T"/>; the parameter must have the matching type.</summary>
    /// <exception cref="InvalidParameterTypeException">The value has another type.</exception>
    public T As<T>()
    {
        // The scalar types a control loop reads, without boxing.
        if (typeof(T) == typeof(double) && Value is double d0)
        {
            return System.Runtime.CompilerServices.Unsafe.As<double, T>(ref d0);
        }

        if (typeof(T) == typeof(long) && Value is long l0)
        {
            return System.Runtime.CompilerServices.Unsafe.As<long, T>(ref l0);
        }

        if (typeof(T) == typeof(bool) && Value is bool b0)
        {
            return System.Runtime.CompilerServices.Unsafe.As<bool, T>(ref b0);
        }

        if (typeof(T) == typeof(string) && Value is string s0)
        {
            return System.Runtime.CompilerServices.Unsafe.As<string, T>(ref s0);
        }

        object? converted = (typeof(T), Value) switch
        {
            (var t, _) when t == typeof(ParameterValue) => this,
            (var t, bool b) when t == typeof(bool) => b,
            (var t, long l) when t == typeof(long) => l,
            (var t, long l) when t == typeof(int) && l is >= int.MinValue and <= int.MaxValue => (int)l,
            (var t, double d) when t == typeof(double) => d,
            (var t, double d) when t == typeof(float) => (float)d,
            (var t, string s) when t == typeof(string) => s,
            (var t, byte[] a) when t == typeof(byte[]) => a.Clone(),
            (var t, bool[] a) when t == typeof(bool[]) => a.Clone(),
            (var t, long[] a) when t == typeof(long[]) => a.Clone(),
            (var t, long[] a) when t == typeof(int[]) && a.All(l => l is >= int.MinValue and <= int.MaxValue) => a.Select(l => (int)l).ToArray(),
            (var t, double[] a) when t == typeof(double[]) => a.Clone(),
            (var t, string[] a) when t == typeof(string[]) => a.Clone(),
            _ => null,
        };
        return converted is T result
            ? result
            : throw new InvalidParameterTypeException($"the value {this} is of type {TypeName(Type)}, not {typeof(T).Name}");
    }

    /// <summary>The name ROS tools use for a parameter type (<c>double</c>, <c>string array</c>).</summary>
    public static string TypeName(ParameterType type) => type switch
    {
        ParameterType.NotSet => "not set",
        ParameterType.Bool => "boolean",
        ParameterType.Integer => "integer",
        ParameterType.Double => "double",
        ParameterType.String => "string",
        ParameterType.ByteArray => "byte array",
        ParameterType.BoolArray => "boolean array",
        ParameterType.IntegerArray => "integer array",
        ParameterType.DoubleArray => "double array",
        ParameterType.StringArray => "string array",
        _ => type.ToString(),
    };

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
