using System.Globalization;
using PhysicalAI.Ros.Interfaces.Description;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PhysicalAI.Cli.Yaml;

/// <summary>
/// Fills a message from YAML as <c>ros2 topic pub</c> does (rosidl_runtime_py's set_message_fields): a
/// mapping of field names, nested mappings for nested messages, sequences for arrays; fields not given keep
/// their defaults. Unknown fields, wrong types, out-of-range numbers and bound violations are errors that
/// name the field path.
/// </summary>
public static class MessageYamlReader
{
    /// <summary>A new message of <paramref name="type"/> from <paramref name="yaml"/> (empty text or <c>{}</c> gives the defaults).</summary>
    /// <exception cref="FormatException">The YAML does not describe a valid <paramref name="type"/> message.</exception>
    public static object Read(string yaml, RosMessageDescriptor type)
    {
        object message = type.CreateInstance();
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return message;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"the message YAML is not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return message;
        }

        Fill(message, type, stream.Documents[0].RootNode, path: string.Empty);
        return message;
    }

    private static void Fill(object message, RosMessageDescriptor type, YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new FormatException($"{Where(path)}a {type.RosTypeName} is a mapping of field names to values, not '{node}'");
        }

        foreach ((YamlNode keyNode, YamlNode valueNode) in mapping.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            RosFieldDescriptor? field = type.Fields.FirstOrDefault(f => f.Name == key);
            if (field is null)
            {
                throw new FormatException(
                    $"{type.RosTypeName} has no field '{Join(path, key)}'; its fields are: {string.Join(", ", type.Fields.Select(f => f.Name))}");
            }

            string fieldPath = Join(path, key);
            field.SetValue(message, field.IsArray ? Array(field, valueNode, fieldPath, field.GetValue(message)) : Element(field, valueNode, fieldPath, field.GetValue(message)));
        }
    }

    private static object Array(RosFieldDescriptor field, YamlNode node, string path, object? existing)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw new FormatException($"{Where(path)}expected a list, got '{node}'");
        }

        int count = sequence.Children.Count;
        if (field.Array == RosArrayKind.Fixed && count != field.ArraySize)
        {
            throw new FormatException($"{Where(path)}needs exactly {field.ArraySize} elements, got {count}");
        }

        if (field.Array == RosArrayKind.BoundedSequence && count > field.ArraySize)
        {
            throw new FormatException($"{Where(path)}holds at most {field.ArraySize} elements, got {count}");
        }

        Type elementType = field.ClrType.GetElementType()!;
        var array = System.Array.CreateInstance(elementType, count);
        var old = existing as System.Array;
        for (int i = 0; i < count; i++)
        {
            object? previous = old is not null && i < old.Length ? old.GetValue(i) : null;
            array.SetValue(Element(field, sequence.Children[i], $"{path}[{i}]", previous), i);
        }

        return array;
    }

    private static object Element(RosFieldDescriptor field, YamlNode node, string path, object? existing)
    {
        if (field.Kind == RosFieldKind.Message)
        {
            RosMessageDescriptor nested = field.MessageType!;
            object message = existing ?? nested.CreateInstance();
            if (node is YamlScalarNode { Value: null or "" } || (node is YamlMappingNode m && m.Children.Count == 0))
            {
                return message;
            }

            Fill(message, nested, node, path);
            return message;
        }

        if (node is not YamlScalarNode scalar)
        {
            throw new FormatException($"{Where(path)}expected a single value, got '{node}'");
        }

        string text = scalar.Value ?? string.Empty;
        bool quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        try
        {
            return field.Kind switch
            {
                RosFieldKind.Bool => ParseBool(text, quoted),
                RosFieldKind.Byte or RosFieldKind.Char or RosFieldKind.UInt8 => checked((byte)Integer(text, quoted)),
                RosFieldKind.Int8 => checked((sbyte)Integer(text, quoted)),
                RosFieldKind.Int16 => checked((short)Integer(text, quoted)),
                RosFieldKind.UInt16 => checked((ushort)Integer(text, quoted)),
                RosFieldKind.Int32 => checked((int)Integer(text, quoted)),
                RosFieldKind.UInt32 => checked((uint)Integer(text, quoted)),
                RosFieldKind.Int64 => checked((long)Integer(text, quoted)),
                RosFieldKind.UInt64 => checked((ulong)Integer(text, quoted)),
                RosFieldKind.Float32 => checked((float)Real(text, quoted)),
                RosFieldKind.Float64 => Real(text, quoted),
                _ => Text(field, text, path),
            };
        }
        catch (OverflowException)
        {
            throw new FormatException($"{Where(path)}{text} is out of range for {field.Kind}");
        }
        catch (FormatException e) when (!e.Message.StartsWith("field '", StringComparison.Ordinal))
        {
            throw new FormatException(Where(path) + e.Message, e);
        }
    }

    private static string Text(RosFieldDescriptor field, string text, string path)
    {
        int length = field.Kind == RosFieldKind.String ? System.Text.Encoding.UTF8.GetByteCount(text) : text.Length;
        if (field.StringBound >= 0 && length > field.StringBound)
        {
            throw new FormatException($"{Where(path)}the string is longer than its bound of {field.StringBound}");
        }

        return text;
    }

    private static bool ParseBool(string text, bool quoted)
    {
        if (!quoted)
        {
            switch (text.ToLowerInvariant())
            {
                case "true" or "yes" or "on":
                    return true;
                case "false" or "no" or "off":
                    return false;
            }
        }

        throw new FormatException($"'{text}' is not a bool (true or false)");
    }

    private static decimal Integer(string text, bool quoted)
    {
        if (quoted || !decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal value))
        {
            throw new FormatException($"'{text}' is not an integer");
        }

        return value;
    }

    private static double Real(string text, bool quoted)
    {
        switch (text)
        {
            case ".inf" or "+.inf" or "inf":
                return double.PositiveInfinity;
            case "-.inf" or "-inf":
                return double.NegativeInfinity;
            case ".nan" or "nan":
                return double.NaN;
        }

        if (quoted || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new FormatException($"'{text}' is not a number");
        }

        return value;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static string Where(string path) => path.Length == 0 ? string.Empty : $"field '{path}': ";
}
