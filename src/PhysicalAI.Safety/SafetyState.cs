namespace PhysicalAI.Safety;

/// <summary>The safety controller's state.</summary>
public enum SafetyState
{
    /// <summary>No joint state received yet: nothing is commanded.</summary>
    WaitingForState,

    /// <summary>Disarmed (<c>~/enable</c> false): nothing is commanded.</summary>
    Disabled,

    /// <summary>Armed: following the active source, or holding without one.</summary>
    Running,

    /// <summary>The active source went quiet: controlled stop, then hold; fresh commands resume motion.</summary>
    Stopping,

    /// <summary>Stale joint states or the arm not following: controlled stop, latched until reset.</summary>
    Faulted,

    /// <summary>Emergency stop: fastest allowed stop, latched until the e-stop is released and reset.</summary>
    EmergencyStopped,
}
