using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>
/// Parameter values from YAML, typed as rcl_yaml_param_parser types them: quoted or <c>!!str</c> scalars
/// are strings; y/n/yes/no/true/false/on/off (lower, Capitalized or UPPER) are bools; what C's strtoll
/// reads entirely (base 0: <c>0x1F</c> hex, <c>010</c> octal) is an integer; what strtod reads entirely
/// (and <c>.inf</c>, <c>.nan</c>) is a double; anything else is a string. A sequence must have one type.
/// </summary>
public static class ParameterYaml
{
    private static readonly HashSet<string> TrueWords = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"];
    private static readonly HashSet<string> FalseWords = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"];

    /// <summary>Parses the value part of <c>-p name:=value</c>.</summary>
    /// <exception cref="FormatException">The text is empty, a map, a nested or mixed-type sequence, or an empty sequence.</exception>
    public static ParameterValue ParseValue(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("the value is empty");
        }

        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            parser.Consume<DocumentStart>();
            ParameterValue value = ParseNode(parser);
            parser.Consume<DocumentEnd>();
            return value;
        }
        catch (YamlException e)
        {
            throw new FormatException($"'{text}' is not valid YAML: {e.Message}", e);
        }
    }

    /// <summary>Reads one parameter value (a scalar or a sequence of scalars) at the parser's position.</summary>
    /// <exception cref="FormatException">The node is not a valid parameter value.</exception>
    public static ParameterValue ParseNode(IParser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return Typed(scalar);
        }

        if (parser.TryConsume<SequenceStart>(out var start))
        {
            var items = new List<ParameterValue>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                if (parser.Accept<SequenceStart>(out _) || parser.Accept<MappingStart>(out _))
                {
                    throw new FormatException($"line {start.Start.Line}: a parameter array holds scalars only, not nested arrays or maps");
                }

                items.Add(Typed(parser.Consume<Scalar>()));
            }

            return Array(items, start.Start.Line);
        }

        ParsingEvent current = parser.Current!;
        throw new FormatException($"line {current.Start.Line}: a parameter value is a scalar or an array of scalars, not a map");
    }

    /// <summary>The type rcl gives one scalar.</summary>
    public static ParameterValue Typed(Scalar scalar)
    {
        string text = scalar.Value;
        // Only quotes and !!str make a string; rcl types block scalars (| and >) like plain ones.
        bool quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        if (quoted || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return ParameterValue.Of(text);
        }

        if (TrueWords.Contains(text))
        {
            return ParameterValue.Of(true);
        }

        if (FalseWords.Contains(text))
        {
            return ParameterValue.Of(false);
        }

        if (TryParseStrtoll(text, out long integer))
        {
            return ParameterValue.Of(integer);
        }

        if (TryParseDouble(text, out double real))
        {
            return ParameterValue.Of(real);
        }

        return ParameterValue.Of(text);
    }

    private static ParameterValue Array(List<ParameterValue> items, long line)
    {
        if (items.Count == 0)
        {
            // rcl accepts [] but sets nothing, which rclcpp then rejects: an empty array has no type.
            throw new FormatException($"line {line}: an empty array has no parameter type; give at least one element");
        }

        ParameterType type = items[0].Type;
        if (items.Any(i => i.Type != type))
        {
            ParameterValue odd = items.First(i => i.Type != type);
            throw new FormatException($"line {line}: array elements must all have one type; '{odd}' is {odd.Type} among {type} values");
        }

        return type switch
        {
            ParameterType.Bool => ParameterValue.Of([.. items.Select(i => (bool)i.Value!)]),
            ParameterType.Integer => ParameterValue.Of([.. items.Select(i => (long)i.Value!)]),
            ParameterType.Double => ParameterValue.Of([.. items.Select(i => (double)i.Value!)]),
            _ => ParameterValue.Of([.. items.Select(i => (string)i.Value!)]),
        };
    }

    /// <summary>strtoll with base 0 consuming the whole text: optional sign, then 0x hex, leading-0 octal or decimal.</summary>
    internal static bool TryParseStrtoll(string text, out long value)
    {
        value = 0;
        string s = text.Trim();
        bool negative = false;
        if (s.StartsWith('+') || s.StartsWith('-'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s.Length == 0)
        {
            return false;
        }

        ulong magnitude = 0;
        bool ok;
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && s.Length > 2)
        {
            ok = ulong.TryParse(s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude);
        }
        else if (s.Length > 1 && s[0] == '0')
        {
            ok = s.All(c => c is >= '0' and <= '7');
            if (ok)
            {
                try
                {
                    magnitude = Convert.ToUInt64(s, 8);
                }
                catch (OverflowException)
                {
                    ok = false;
                }
            }
        }
        else
        {
            ok = s.All(char.IsAsciiDigit) && ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude);
        }

        if (!ok || magnitude > (negative ? (ulong)long.MaxValue + 1 : long.MaxValue))
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    private static bool TryParseDouble(string text, out double value)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        string lower = text.Trim().ToLowerInvariant();
        switch (lower.TrimStart('+', '-'))
        {
            case "inf" or "infinity":
                value = lower.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            case "nan":
                value = double.NaN;
                return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
