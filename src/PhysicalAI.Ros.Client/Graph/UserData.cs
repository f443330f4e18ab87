using System.Text;

namespace PhysicalAI.Ros.Client.Graph;

/// <summary>
/// The <c>key=value;</c> pairs ROS 2 puts in DDS USER_DATA (<c>enclave</c>, <c>typehash</c>, <c>clientid</c>,
/// <c>serviceid</c>), parsed as rmw does: trailing NULs accepted, anything malformed gives an empty map.
/// </summary>
public static class UserData
{
    /// <summary>Parses <paramref name="bytes"/>; malformed input yields an empty dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Parse(byte[]? bytes)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (bytes is null)
        {
            return pairs;
        }

        string text = Encoding.UTF8.GetString(bytes).TrimEnd('\0');
        foreach (string item in text.Split(';'))
        {
            if (item.Length == 0)
            {
                continue;
            }

            int equals = item.IndexOf('=');
            if (equals <= 0 || !item[..equals].All(char.IsAsciiLetterOrDigit))
            {
                return new Dictionary<string, string>();
            }

            pairs[item[..equals]] = item[(equals + 1)..];
        }

        return pairs;
    }

    /// <summary>Formats pairs as USER_DATA bytes, without a trailing NUL (as rmw_cyclonedds sends them).</summary>
    public static byte[] Format(params (string Key, string Value)[] pairs) =>
        Encoding.UTF8.GetBytes(string.Concat(pairs.Select(p => p.Key + "=" + p.Value + ";")));
}
