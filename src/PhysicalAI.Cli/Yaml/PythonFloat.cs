using System.Globalization;
using System.Text;

namespace PhysicalAI.Cli.Yaml;

/// <summary>
/// Floats as <c>ros2 topic echo</c> prints them: Python's shortest <c>repr</c> (exponent form below 1e-4
/// and from 1e16), passed through PyYAML's float representer (<c>.nan</c>, <c>.inf</c>, and <c>1.0e-05</c>
/// rather than <c>1e-05</c>).
/// </summary>
public static class PythonFloat
{
    /// <summary>The YAML text of <paramref name="value"/>.</summary>
    public static string ToYaml(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        string repr = Repr(value);
        if (!repr.Contains('.', StringComparison.Ordinal) && repr.Contains('e', StringComparison.Ordinal))
        {
            repr = repr.Replace("e", ".0e", StringComparison.Ordinal);
        }

        return repr;
    }

    /// <summary>Python's <c>repr(float)</c> for a finite value.</summary>
    public static string Repr(double value)
    {
        bool negative = value < 0 || (value == 0 && double.IsNegative(value));
        string r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOfAny(['E', 'e']);
        string mantissa = e < 0 ? r : r[..e];
        int exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.');
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int decpt = (dot < 0 ? mantissa.Length : dot) + exponent;
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0').TrimEnd('0');
        decpt -= leadingZeros;
        if (digits.Length == 0)
        {
            return negative ? "-0.0" : "0.0";
        }

        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (decpt <= -4 || decpt > 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            int shown = decpt - 1;
            sb.Append('e').Append(shown < 0 ? '-' : '+').Append(Math.Abs(shown).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= digits.Length)
        {
            sb.Append(digits).Append('0', decpt - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
        }

        return sb.ToString();
    }
}
