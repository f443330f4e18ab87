using System.Globalization;
using PhysicalAI.Cli.Yaml;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Commands;

/// <summary>Parameter values as <c>ros2 param get</c> prints them (Python's repr of the value).</summary>
internal static class ParameterText
{
    /// <summary><c>Integer value is: 42</c>, <c>String values are: ['a', 'b']</c>; with <paramref name="hideType"/> only the value.</summary>
    public static string Describe(ParameterValue value, bool hideType)
    {
        (string label, string text) = value.Value switch
        {
            null => ("Parameter not set.", string.Empty),
            bool b => ("Boolean value is:", Bool(b)),
            long l => ("Integer value is:", l.ToString(CultureInfo.InvariantCulture)),
            double d => ("Double value is:", PythonFloat.Repr(d)),
            string s => ("String value is:", s),
            byte[] a => ("Byte values are:", List(a.Select(b => $"b'\\x{b:x2}'"))),
            bool[] a => ("Boolean values are:", List(a.Select(Bool))),
            long[] a => ("Integer values are:", $"array('q', {List(a.Select(v => v.ToString(CultureInfo.InvariantCulture)))})"),
            double[] a => ("Double values are:", $"array('d', {List(a.Select(PythonFloat.Repr))})"),
            string[] a => ("String values are:", List(a.Select(Quote))),
            _ => ("Unknown type:", value.ToString()),
        };
        if (value.Value is null)
        {
            return label;
        }

        return hideType ? text : $"{label} {text}";
    }

    private static string Bool(bool b) => b ? "True" : "False";

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    private static string Quote(string s) => s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal)
        ? "\"" + s + "\""
        : "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
