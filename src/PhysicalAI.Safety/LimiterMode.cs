namespace PhysicalAI.Safety;

/// <summary>What the limiter does with the joints this cycle.</summary>
public enum LimiterMode
{
    /// <summary>Move toward the targets within every limit.</summary>
    Track,

    /// <summary>Controlled stop (IEC 60204-1 category 2): decelerate within the acceleration limits and hold.</summary>
    Stop,

    /// <summary>Emergency stop: decelerate at the deceleration limits, the fastest allowed, and hold.</summary>
    EmergencyStop,
}
