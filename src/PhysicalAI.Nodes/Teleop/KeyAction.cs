namespace PhysicalAI.Nodes.Teleop;

/// <summary>What a key of teleop_keyboard does.</summary>
public enum KeyAction
{
    /// <summary>A key with no meaning.</summary>
    None,

    /// <summary>Jog one joint in one direction while the key is held.</summary>
    Jog,

    /// <summary>Stop jogging at once.</summary>
    Stop,

    /// <summary>Raise the speed scale one step.</summary>
    Faster,

    /// <summary>Lower the speed scale one step.</summary>
    Slower,

    /// <summary>Engage the safety controller's e-stop, or release it when engaged.</summary>
    EmergencyStop,

    /// <summary>Reset the safety controller (and the simulated arm, when configured).</summary>
    Reset,

    /// <summary>Show the key help again.</summary>
    Help,

    /// <summary>Leave.</summary>
    Quit,
}
