namespace PhysicalAI.Ros.Client.Qos;

/// <summary>
/// A ROS 2 QoS profile, as rclcpp's <c>rclcpp::QoS</c> / <c>rmw_qos_profile_t</c>. Null durations are
/// "unspecified" (<c>{0, 0}</c> in rmw), which maps to infinite.
/// </summary>
public sealed record QosProfile
{
    /// <summary>History kind.</summary>
    public QosHistory History { get; init; } = QosHistory.KeepLast;

    /// <summary>History depth for keep-last.</summary>
    public int Depth { get; init; } = 10;

    /// <summary>Reliability.</summary>
    public QosReliability Reliability { get; init; } = QosReliability.Reliable;

    /// <summary>Durability.</summary>
    public QosDurability Durability { get; init; } = QosDurability.Volatile;

    /// <summary>Deadline; null is unspecified.</summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>Lifespan; null is unspecified.</summary>
    public TimeSpan? Lifespan { get; init; }

    /// <summary>Liveliness.</summary>
    public QosLiveliness Liveliness { get; init; } = QosLiveliness.SystemDefault;

    /// <summary>Liveliness lease duration; null is unspecified.</summary>
    public TimeSpan? LivelinessLeaseDuration { get; init; }

    /// <summary>Use the topic name as the DDS topic name, without the <c>rt/</c> prefix.</summary>
    public bool AvoidRosNamespaceConventions { get; init; }

    /// <summary>This profile with keep-last <paramref name="depth"/>.</summary>
    public QosProfile KeepLast(int depth) => this with { History = QosHistory.KeepLast, Depth = depth };

    /// <summary>This profile with keep-all history.</summary>
    public QosProfile KeepAll() => this with { History = QosHistory.KeepAll };

    /// <summary>This profile with best-effort reliability.</summary>
    public QosProfile BestEffort() => this with { Reliability = QosReliability.BestEffort };

    /// <summary>This profile with reliable reliability.</summary>
    public QosProfile AsReliable() => this with { Reliability = QosReliability.Reliable };

    /// <summary>This profile with transient-local durability.</summary>
    public QosProfile TransientLocal() => this with { Durability = QosDurability.TransientLocal };
}
