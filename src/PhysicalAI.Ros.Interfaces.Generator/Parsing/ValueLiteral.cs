using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using PhysicalAI.Ros.Interfaces.Generator.Model;

namespace PhysicalAI.Ros.Interfaces.Generator.Parsing;

/// <summary>
/// Turns .msg default and constant values into C# literals, with rosidl's rules: bools as
/// true/false/1/0, decimal (or 0x hex) integers checked against their range, floats as Python reads
/// them (inf and nan included), strings quoted or bare.
/// </summary>
internal static class ValueLiteral
{
    /// <summary>Converts one scalar value; returns null and sets <paramref name="error"/> when it can't.</summary>
    public static string? Scalar(PrimitiveKind kind, string text, int stringBound, out string? error)
    {
        error = null;
        text = text.Trim();
        switch (kind)
        {
            case PrimitiveKind.Bool:
                switch (text.ToLowerInvariant())
                {
                    case "true":
                    case "1":
                        return "true";
                    case "false":
                    case "0":
                        return "false";
                    default:
                        error = "a bool is true, false, 1 or 0";
                        return null;
                }

            case PrimitiveKind.Byte:
            case PrimitiveKind.Char:
            case PrimitiveKind.UInt8:
                return Integer(text, 0, byte.MaxValue, "", out error);
            case PrimitiveKind.Int8:
                return Integer(text, sbyte.MinValue, sbyte.MaxValue, "", out error);
            case PrimitiveKind.Int16:
                return Integer(text, short.MinValue, short.MaxValue, "", out error);
            case PrimitiveKind.UInt16:
                return Integer(text, 0, ushort.MaxValue, "", out error);
            case PrimitiveKind.Int32:
                return Integer(text, int.MinValue, int.MaxValue, "", out error);
            case PrimitiveKind.UInt32:
                return Integer(text, 0, uint.MaxValue, "U", out error);
            case PrimitiveKind.Int64:
                return Integer(text, long.MinValue, long.MaxValue, "L", out error);
            case PrimitiveKind.UInt64:
                return UInt64(text, out error);
            case PrimitiveKind.Float32:
                return Float(text, single: true, out error);
            case PrimitiveKind.Float64:
                return Float(text, single: false, out error);
            case PrimitiveKind.String:
            case PrimitiveKind.WString:
                string value = Unquote(text);
                int length = kind == PrimitiveKind.String ? Encoding.UTF8.GetByteCount(value) : value.Length;
                if (stringBound >= 0 && length > stringBound)
                {
                    error = $"the string has {length} {(kind == PrimitiveKind.String ? "bytes" : "characters")} but the type allows at most {stringBound}";
                    return null;
                }

                return SymbolDisplay.FormatLiteral(value, quote: true);
            default:
                error = "only primitive types can have default or constant values";
                return null;
        }
    }

    /// <summary>Splits an array value <c>[a, b, "c, d"]</c> into its elements, respecting quotes.</summary>
    public static List<string>? SplitArray(string text, out string? error)
    {
        error = null;
        text = text.Trim();
        if (text.Length < 2 || text[0] != '[' || text[text.Length - 1] != ']')
        {
            error = "an array value is written as [a, b, ...]";
            return null;
        }

        string inner = text.Substring(1, text.Length - 2);
        var items = new List<string>();
        if (inner.Trim().Length == 0)
        {
            return items;
        }

        var current = new StringBuilder();
        char quote = '\0';
        for (int i = 0; i < inner.Length; i++)
        {
            char c = inner[i];
            if (quote != '\0')
            {
                current.Append(c);
                if (c == '\\' && i + 1 < inner.Length)
                {
                    current.Append(inner[++i]);
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                current.Append(c);
            }
            else if (c == ',')
            {
                items.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quote != '\0')
        {
            error = "a quoted string is not closed";
            return null;
        }

        items.Add(current.ToString().Trim());
        return items;
    }

    /// <summary>Removes matching quotes and the escapes rosidl recognises inside them; bare text stays as it is.</summary>
    public static string Unquote(string text)
    {
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[text.Length - 1] == text[0])
        {
            var sb = new StringBuilder();
            for (int i = 1; i < text.Length - 1; i++)
            {
                char c = text[i];
                if (c == '\\' && i + 1 < text.Length - 1)
                {
                    char next = text[++i];
                    sb.Append(next switch
                    {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        _ => next,
                    });
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        return text;
    }

    private static string? Integer(string text, long min, long max, string suffix, out string? error)
    {
        error = null;
        if (!TryParseInteger(text, out bool negative, out ulong magnitude))
        {
            error = "not an integer";
            return null;
        }

        // Magnitudes up to 2^63 fit a long once negated; anything bigger is out of every signed range.
        if (magnitude > (negative ? (ulong)long.MaxValue + 1 : (ulong)long.MaxValue))
        {
            error = $"out of range [{min}, {max}]";
            return null;
        }

        long value = negative ? (long)(0 - magnitude) : (long)magnitude;
        if (value < min || value > max)
        {
            error = $"out of range [{min}, {max}]";
            return null;
        }

        if (value == long.MinValue)
        {
            return "long.MinValue";
        }

        return value.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private static string? UInt64(string text, out string? error)
    {
        error = null;
        if (!TryParseInteger(text, out bool negative, out ulong magnitude) || (negative && magnitude != 0))
        {
            error = $"not an integer in range [0, {ulong.MaxValue}]";
            return null;
        }

        return magnitude.ToString(CultureInfo.InvariantCulture) + "UL";
    }

    private static bool TryParseInteger(string text, out bool negative, out ulong magnitude)
    {
        negative = false;
        magnitude = 0;
        string s = text.Replace("_", string.Empty);
        if (s.StartsWith("-", StringComparison.Ordinal) || s.StartsWith("+", StringComparison.Ordinal))
        {
            negative = s[0] == '-';
            s = s.Substring(1);
        }

        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ulong.TryParse(s.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude);
        }

        return s.Length > 0 && ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude);
    }

    private static string? Float(string text, bool single, out string? error)
    {
        error = null;
        string type = single ? "float" : "double";
        switch (text.Trim().ToLowerInvariant())
        {
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                return type + ".PositiveInfinity";
            case "-inf":
            case "-infinity":
                return type + ".NegativeInfinity";
            case "nan":
            case "+nan":
            case "-nan":
                return type + ".NaN";
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            error = "not a number";
            return null;
        }

        if (single)
        {
            float f = (float)value;
            if (float.IsInfinity(f))
            {
                error = "out of range for float32";
                return null;
            }

            return f.ToString("R", CultureInfo.InvariantCulture) + "f";
        }

        return value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }
}
