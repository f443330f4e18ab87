using System.Collections;
using System.Globalization;
using System.Text;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Cli.Yaml;

/// <summary>
/// Writes a message as <c>ros2 topic echo</c> does (rosidl_runtime_py's message_to_yaml through PyYAML,
/// block style): fields in declaration order, two-space nesting, sequences as <c>- item</c> lines, empty
/// ones as <c>[]</c>; strings and arrays longer than the truncation length end in <c>...</c>.
/// </summary>
public sealed class MessageYamlWriter(int? truncateLength = 128)
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    /// <summary>The YAML of <paramref name="message"/> (no trailing <c>---</c>).</summary>
    public string Write(object message, RosMessageDescriptor type)
    {
        var sb = new StringBuilder();
        if (type.Fields.Count == 0)
        {
            return "{}\n";
        }

        WriteFields(sb, message, type, indent: 0, firstLinePrefix: null);
        return sb.ToString();
    }

    private void WriteFields(StringBuilder sb, object message, RosMessageDescriptor type, int indent, string? firstLinePrefix)
    {
        bool first = true;
        foreach (RosFieldDescriptor field in type.Fields)
        {
            string prefix = first && firstLinePrefix is not null ? firstLinePrefix : new string(' ', indent);
            first = false;
            sb.Append(prefix).Append(field.Name).Append(':');
            WriteValue(sb, field.GetValue(message), field, indent);
        }
    }

    private void WriteValue(StringBuilder sb, object? value, RosFieldDescriptor field, int indent)
    {
        if (!field.IsArray)
        {
            if (field.Kind == RosFieldKind.Message)
            {
                RosMessageDescriptor nested = field.MessageType!;
                if (nested.Fields.Count == 0)
                {
                    sb.Append(" {}\n");
                    return;
                }

                sb.Append('\n');
                WriteFields(sb, value!, nested, indent + 2, null);
                return;
            }

            sb.Append(' ').Append(Scalar(value, field.Kind)).Append('\n');
            return;
        }

        var items = (IList)value!;
        if (items.Count == 0)
        {
            sb.Append(" []\n");
            return;
        }

        sb.Append('\n');
        int count = truncateLength is { } limit && items.Count > limit ? limit : items.Count;
        string dash = new string(' ', indent) + "- ";
        for (int i = 0; i < count; i++)
        {
            if (field.Kind == RosFieldKind.Message)
            {
                RosMessageDescriptor nested = field.MessageType!;
                if (nested.Fields.Count == 0)
                {
                    sb.Append(dash).Append("{}\n");
                }
                else
                {
                    WriteFields(sb, items[i]!, nested, indent + 2, dash);
                }
            }
            else
            {
                sb.Append(dash).Append(Scalar(items[i], field.Kind)).Append('\n');
            }
        }

        if (count < items.Count)
        {
            sb.Append(dash).Append("'...'\n");
        }
    }

    private string Scalar(object? value, RosFieldKind kind) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => PythonFloat.ToYaml(d),
        float f => PythonFloat.ToYaml(f),
        string s => QuoteIfNeeded(Truncate(s)),
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => QuoteIfNeeded(value.ToString() ?? string.Empty),
    };

    private string Truncate(string s) => truncateLength is { } limit && s.Length > limit ? s[..limit] + "..." : s;

    /// <summary>PyYAML's choice between a plain, single-quoted or double-quoted scalar, for the cases messages produce.</summary>
    internal static string QuoteIfNeeded(string s)
    {
        if (s.Any(c => char.IsControl(c)))
        {
            var escaped = new StringBuilder("\"");
            foreach (char c in s)
            {
                escaped.Append(c switch
                {
                    '\n' => "\\n",
                    '\t' => "\\t",
                    '\r' => "\\r",
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                    _ => c.ToString(),
                });
            }

            return escaped.Append('"').ToString();
        }

        bool plain = s.Length > 0
            && !ReservedWords.Contains(s)
            && !LooksNumeric(s)
            && "-?:,[]{}#&*!|>'\"%@`".IndexOf(s[0]) < 0
            && !char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1])
            && !s.Contains(": ", StringComparison.Ordinal) && !s.Contains(" #", StringComparison.Ordinal)
            && !s.EndsWith(':');
        if (s.Length > 1 && (s[0] == '-' || s[0] == '?' || s[0] == ':') && s[1] != ' ' && !LooksNumeric(s))
        {
            // "-x", "?x" and ":x" start a plain scalar in PyYAML when not followed by a space.
            plain = !s.Contains(": ", StringComparison.Ordinal) && !s.Contains(" #", StringComparison.Ordinal) && !char.IsWhiteSpace(s[^1]);
        }

        return plain ? s : "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool LooksNumeric(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        || s is ".inf" or "-.inf" or "+.inf" or ".nan" or ".Inf" or ".NaN";
}
