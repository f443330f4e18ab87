using System.Collections;
using System.Globalization;
using System.Text;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Cli.Yaml;

/// <summary>A message in the form rclpy's <c>repr</c> prints it: <c>std_msgs.msg.String(data='hello')</c>.</summary>
public static class MessageRepr
{
    /// <summary>The repr of <paramref name="message"/>.</summary>
    public static string Format(object message, RosMessageDescriptor type)
    {
        var sb = new StringBuilder();
        Append(sb, message, type);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object message, RosMessageDescriptor type)
    {
        sb.Append(type.RosTypeName.Replace('/', '.')).Append('(');
        bool first = true;
        foreach (RosFieldDescriptor field in type.Fields)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            sb.Append(field.Name).Append('=');
            object? value = field.GetValue(message);
            if (field.IsArray)
            {
                sb.Append('[');
                bool firstItem = true;
                foreach (object? item in (IEnumerable)value!)
                {
                    if (!firstItem)
                    {
                        sb.Append(", ");
                    }

                    firstItem = false;
                    AppendValue(sb, item, field);
                }

                sb.Append(']');
            }
            else
            {
                AppendValue(sb, value, field);
            }
        }

        sb.Append(')');
    }

    private static void AppendValue(StringBuilder sb, object? value, RosFieldDescriptor field)
    {
        switch (value)
        {
            case null:
                sb.Append("None");
                break;
            case bool b:
                sb.Append(b ? "True" : "False");
                break;
            case double d:
                sb.Append(double.IsNaN(d) ? "nan" : double.IsInfinity(d) ? (d > 0 ? "inf" : "-inf") : PythonFloat.Repr(d));
                break;
            case float f:
                sb.Append(float.IsNaN(f) ? "nan" : float.IsInfinity(f) ? (f > 0 ? "inf" : "-inf") : PythonFloat.Repr(f));
                break;
            case string s:
                sb.Append('\'').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append('\'');
                break;
            case IFormattable n when field.Kind != RosFieldKind.Message:
                sb.Append(n.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                Append(sb, value, field.MessageType!);
                break;
        }
    }
}
