namespace PhysicalAI.Ros.Client.Qos;

/// <summary>ROS 2 history policy (<c>rmw_qos_history_policy_t</c>).</summary>
public enum QosHistory
{
    /// <summary>Whatever the middleware defaults to (keep last 1 with Cyclone, as rmw maps it).</summary>
    SystemDefault,

    /// <summary>Keep the newest <see cref="QosProfile.Depth"/> samples.</summary>
    KeepLast,

    /// <summary>Keep all samples; a reliable publisher blocks instead of dropping.</summary>
    KeepAll,
}

/// <summary>ROS 2 reliability policy.</summary>
public enum QosReliability
{
    /// <summary>Middleware default (reliable with Cyclone).</summary>
    SystemDefault,

    /// <summary>Retransmit until received.</summary>
    Reliable,

    /// <summary>Send once; sensor data.</summary>
    BestEffort,
}

/// <summary>ROS 2 durability policy.</summary>
public enum QosDurability
{
    /// <summary>Middleware default (volatile with Cyclone).</summary>
    SystemDefault,

    /// <summary>The publisher keeps its history for late-joining subscriptions.</summary>
    TransientLocal,

    /// <summary>No history for late joiners.</summary>
    Volatile,
}

/// <summary>ROS 2 liveliness policy.</summary>
public enum QosLiveliness
{
    /// <summary>Middleware default (automatic).</summary>
    SystemDefault,

    /// <summary>Asserted by the middleware.</summary>
    Automatic,

    /// <summary>Asserted by each publish (or explicitly) on the topic.</summary>
    ManualByTopic,
}
