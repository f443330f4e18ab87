namespace PhysicalAI.Nodes.Teleop;

/// <summary>A key's meaning: an action and, for a jog, which joint (index into the jogged joints) and which way.</summary>
/// <param name="Action">What the key does.</param>
/// <param name="Joint">The joint a jog moves, 0-based; -1 for other actions.</param>
/// <param name="Direction">+1 or -1 for a jog; 0 for other actions.</param>
public readonly record struct KeyCommand(KeyAction Action, int Joint = -1, int Direction = 0)
{
    /// <summary>A key with no meaning.</summary>
    public static KeyCommand None => new(KeyAction.None);

    /// <summary>A jog of <paramref name="joint"/> in <paramref name="direction"/> (+1 or -1).</summary>
    public static KeyCommand Jog(int joint, int direction) => new(KeyAction.Jog, joint, direction);
}
