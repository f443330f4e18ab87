using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client.Qos;

/// <summary>
/// ROS 2 QoS to DDS QoS exactly as rmw_cyclonedds_cpp maps it (<c>create_readwrite_qos</c>), so our
/// endpoints match and are matched by rclcpp's the same way.
/// </summary>
public static class QosMapping
{
    /// <summary>The DDS QoS of a reader or writer with <paramref name="profile"/> and <paramref name="userData"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Keep-last depth is negative.</exception>
    public static DdsQos ToDds(QosProfile profile, byte[]? userData, bool ignoreLocalPublications = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(profile.Depth, nameof(profile.Depth));

        // Depth 0 and SYSTEM_DEFAULT become keep-last 1; keep-all is unlimited.
        (DdsHistory history, int depth) = profile.History switch
        {
            QosHistory.KeepAll => (DdsHistory.KeepAll, -1),
            QosHistory.KeepLast when profile.Depth > 0 => (DdsHistory.KeepLast, profile.Depth),
            _ => (DdsHistory.KeepLast, 1),
        };

        return new DdsQos
        {
            History = history,
            Depth = depth,
            Reliability = profile.Reliability == QosReliability.BestEffort ? DdsReliability.BestEffort : DdsReliability.Reliable,
            MaxBlockingTime = null,
            Durability = profile.Durability == QosDurability.TransientLocal ? DdsDurability.TransientLocal : DdsDurability.Volatile,
            DurabilityServiceFromHistory = profile.Durability == QosDurability.TransientLocal,
            Deadline = Specified(profile.Deadline),
            Lifespan = Specified(profile.Lifespan),
            Liveliness = profile.Liveliness == QosLiveliness.ManualByTopic ? DdsLiveliness.ManualByTopic : DdsLiveliness.Automatic,
            LeaseDuration = Specified(profile.LivelinessLeaseDuration),
            AutodisposeUnregisteredInstances = false,
            IgnoreLocalParticipant = ignoreLocalPublications,
            UserData = userData,
        };
    }

    /// <summary>The ROS view of a discovered endpoint's DDS QoS, as <c>ros2 topic info -v</c> shows it.</summary>
    public static QosProfile FromDds(DdsQos qos) => new()
    {
        History = qos.History == DdsHistory.KeepAll ? QosHistory.KeepAll : QosHistory.KeepLast,
        Depth = qos.History == DdsHistory.KeepAll ? 0 : qos.Depth,
        Reliability = qos.Reliability == DdsReliability.Reliable ? QosReliability.Reliable : QosReliability.BestEffort,
        Durability = qos.Durability == DdsDurability.TransientLocal ? QosDurability.TransientLocal : QosDurability.Volatile,
        Deadline = qos.Deadline,
        Lifespan = qos.Lifespan,
        Liveliness = qos.Liveliness == DdsLiveliness.ManualByTopic ? QosLiveliness.ManualByTopic : QosLiveliness.Automatic,
        LivelinessLeaseDuration = qos.LeaseDuration,
    };

    // {0, 0} ("unspecified") and infinite both mean no policy: DDS's default is infinite.
    private static TimeSpan? Specified(TimeSpan? duration) =>
        duration is null || duration.Value <= TimeSpan.Zero || duration.Value == TimeSpan.MaxValue ? null : duration;
}
