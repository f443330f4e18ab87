namespace PhysicalAI.Safety;

/// <summary>
/// Matches a command's joint names to the controller's joints: reordered as needed; unknown or repeated
/// names, and a command with no names whose length differs from the joint count, are rejected. Allocates
/// nothing per call.
/// </summary>
public sealed class JointNameMap
{
    private readonly Dictionary<string, int> _index;
    private readonly int[] _map;
    private readonly bool[] _seen;

    public JointNameMap(IReadOnlyList<string> names)
    {
        Names = [.. names];
        _index = [];
        for (int i = 0; i < Names.Length; i++)
        {
            if (!_index.TryAdd(Names[i], i))
            {
                throw new ArgumentException($"joint '{Names[i]}' is listed twice");
            }
        }

        _map = new int[Names.Length];
        _seen = new bool[Names.Length];
    }

    /// <summary>The controller's joints, in its order.</summary>
    public string[] Names { get; }

    public int Count => Names.Length;

    /// <summary>After a successful <see cref="TryMap"/>: the controller joint of each command entry.</summary>
    public ReadOnlySpan<int> Mapped => _map.AsSpan(0, MappedCount);

    public int MappedCount { get; private set; }

    /// <summary>The index of joint <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out int i) ? i : -1;

    /// <summary>
    /// Maps <paramref name="names"/> (empty: all joints in order, then <paramref name="valueCount"/> must equal the
    /// joint count) with <paramref name="valueCount"/> values each. Returns null, or why the command is rejected.
    /// </summary>
    public string? TryMap(ReadOnlySpan<string> names, int valueCount)
    {
        MappedCount = 0;
        if (names.Length == 0)
        {
            if (valueCount != Names.Length)
            {
                return $"no joint names and {valueCount} values; without names give all {Names.Length} joints in order";
            }

            for (int i = 0; i < Names.Length; i++)
            {
                _map[i] = i;
            }

            MappedCount = Names.Length;
            return null;
        }

        if (valueCount != names.Length)
        {
            return $"{names.Length} joint names but {valueCount} values";
        }

        if (names.Length > Names.Length)
        {
            return $"{names.Length} joint names; the arm has {Names.Length} joints";
        }

        Array.Clear(_seen);
        for (int i = 0; i < names.Length; i++)
        {
            if (!_index.TryGetValue(names[i], out int j))
            {
                return $"unknown joint '{names[i]}'";
            }

            if (_seen[j])
            {
                return $"joint '{names[i]}' appears twice";
            }

            _seen[j] = true;
            _map[i] = j;
        }

        MappedCount = names.Length;
        return null;
    }
}
