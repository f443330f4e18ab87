namespace PhysicalAI.Nodes.Teleop;

/// <summary>
/// teleop_keyboard's key layout. Each joint has a column of two keys, the upper row moving it in the
/// positive direction and the key below in the negative one (w/s for joint 1, e/d for joint 2, … o/l
/// for joint 8), so the hand finds a pair without looking and q stays free for quitting. Letters are
/// matched in either case, so Caps Lock changes nothing.
/// </summary>
public static class JogKeys
{
    /// <summary>Positive-direction keys, joint 1 first.</summary>
    public const string Positive = "wertyuio";

    /// <summary>Negative-direction keys, joint 1 first (each below its positive key).</summary>
    public const string Negative = "sdfghjkl";

    /// <summary>How many joints have keys.</summary>
    public static int MaxJoints => Positive.Length;

    /// <summary>The meaning of <paramref name="key"/> (a typed character; control characters included).</summary>
    public static KeyCommand Map(char key)
    {
        char c = char.ToLowerInvariant(key);
        int joint = Positive.IndexOf(c, StringComparison.Ordinal);
        if (joint >= 0)
        {
            return KeyCommand.Jog(joint, +1);
        }

        joint = Negative.IndexOf(c, StringComparison.Ordinal);
        if (joint >= 0)
        {
            return KeyCommand.Jog(joint, -1);
        }

        return c switch
        {
            ' ' => new KeyCommand(KeyAction.Stop),
            '+' or '=' => new KeyCommand(KeyAction.Faster),
            '-' or '_' => new KeyCommand(KeyAction.Slower),
            'x' => new KeyCommand(KeyAction.EmergencyStop),
            'z' => new KeyCommand(KeyAction.Reset),
            '?' => new KeyCommand(KeyAction.Help),
            // Ctrl-D is what a terminal sends for end of input; Ctrl-C arrives as SIGINT instead.
            'q' or '\u0004' => new KeyCommand(KeyAction.Quit),
            _ => KeyCommand.None,
        };
    }

    /// <summary>The help panel for <paramref name="joints"/> (the jogged joints' names, in key order).</summary>
    public static IReadOnlyList<string> Help(IReadOnlyList<string> joints)
    {
        var lines = new List<string> { "teleop_keyboard: hold a key to jog, release it to stop", string.Empty, "  joint                  +    -" };
        int shown = Math.Min(joints.Count, MaxJoints);
        for (int j = 0; j < shown; j++)
        {
            lines.Add($"  {j + 1} {Clip(joints[j]),-20} {Positive[j]}    {Negative[j]}");
        }

        if (joints.Count == 0)
        {
            lines.Add($"  1..{MaxJoints} (names from /joint_states) {Positive}  {Negative}");
        }
        else if (joints.Count > MaxJoints)
        {
            lines.Add($"  ({joints.Count - MaxJoints} more joints have no keys; choose {MaxJoints} with the joint_names parameter)");
        }

        lines.AddRange(
        [
            string.Empty,
            "  space  stop now             + / -  speed up / down",
            "  x      e-stop (again: release)   z  reset after an e-stop or fault",
            "  ?      this help            q / Ctrl-C  quit",
        ]);
        return lines;
    }

    private static string Clip(string name) => name.Length <= 20 ? name : name[..19] + "…";
}
