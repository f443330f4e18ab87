using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Ros.Interfaces.Tests;

/// <summary>
/// Builds random instances of any generated message from its descriptor, within the type's bounds and
/// fixed sizes, including the awkward values: NaN, infinities, -0.0, extremes, non-ASCII text.
/// </summary>
internal static class RandomMessages
{
    private static readonly string[] Texts = ["", "a", "joint_1", "base_link", "é✓ grüße", "tab\tnew\nline", "x".PadRight(40, 'y')];

    public static object Create(RosMessageDescriptor descriptor, Random random)
    {
        object message = descriptor.CreateInstance();
        foreach (RosFieldDescriptor field in descriptor.Fields)
        {
            field.SetValue(message, field.IsArray ? Array(field, random) : Element(field, random));
        }

        return message;
    }

    private static object Array(RosFieldDescriptor field, Random random)
    {
        int count = field.Array switch
        {
            RosArrayKind.Fixed => field.ArraySize,
            RosArrayKind.BoundedSequence => random.Next(field.ArraySize + 1),
            _ => random.Next(6),
        };
        var array = System.Array.CreateInstance(field.ClrType.GetElementType()!, count);
        for (int i = 0; i < count; i++)
        {
            array.SetValue(Element(field, random), i);
        }

        return array;
    }

    private static object Element(RosFieldDescriptor field, Random random) => field.Kind switch
    {
        RosFieldKind.Message => Create(field.MessageType!, random),
        RosFieldKind.Bool => random.Next(2) == 1,
        RosFieldKind.Byte or RosFieldKind.Char or RosFieldKind.UInt8 => (byte)random.Next(256),
        RosFieldKind.Int8 => (sbyte)random.Next(-128, 128),
        RosFieldKind.Int16 => (short)random.Next(short.MinValue, short.MaxValue + 1),
        RosFieldKind.UInt16 => (ushort)random.Next(ushort.MaxValue + 1),
        RosFieldKind.Int32 => Pick(random, int.MinValue, int.MaxValue, 0, random.Next()),
        RosFieldKind.UInt32 => Pick(random, uint.MaxValue, 0u, (uint)random.Next()),
        RosFieldKind.Int64 => Pick(random, long.MinValue, long.MaxValue, random.NextInt64()),
        RosFieldKind.UInt64 => Pick(random, ulong.MaxValue, 0ul, (ulong)random.NextInt64()),
        RosFieldKind.Float32 => Pick(random, float.NaN, float.NegativeInfinity, -0f, float.Epsilon, (float)(random.NextDouble() * 200 - 100)),
        RosFieldKind.Float64 => Pick(random, double.NaN, double.PositiveInfinity, -0.0, double.MaxValue, random.NextDouble() * 2000 - 1000),
        RosFieldKind.String or RosFieldKind.WString => Text(field, random),
        _ => throw new InvalidOperationException($"no generator for {field.Kind}"),
    };

    private static string Text(RosFieldDescriptor field, Random random)
    {
        string text = Texts[random.Next(Texts.Length)];
        if (field.StringBound >= 0)
        {
            // Bounds count UTF-8 bytes for string, code units for wstring; plain ASCII satisfies both.
            text = new string('b', Math.Min(field.StringBound, random.Next(field.StringBound + 1)));
        }

        return text;
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];
}
