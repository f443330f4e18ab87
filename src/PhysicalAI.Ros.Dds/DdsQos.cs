using System.Globalization;
using System.Text;
using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>
/// The DDS QoS of a reader or writer, in DDS terms. <c>null</c> durations mean infinite (the DDS default
/// for deadline, lifespan and lease duration).
/// </summary>
public sealed record DdsQos
{
    /// <summary>RELIABILITY kind.</summary>
    public DdsReliability Reliability { get; init; } = DdsReliability.Reliable;

    /// <summary>How long a reliable writer may block on a full history; null is infinite.</summary>
    public TimeSpan? MaxBlockingTime { get; init; }

    /// <summary>DURABILITY kind.</summary>
    public DdsDurability Durability { get; init; } = DdsDurability.Volatile;

    /// <summary>HISTORY kind.</summary>
    public DdsHistory History { get; init; } = DdsHistory.KeepLast;

    /// <summary>HISTORY depth for <see cref="DdsHistory.KeepLast"/>.</summary>
    public int Depth { get; init; } = 1;

    /// <summary>DEADLINE period; null is infinite.</summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>LIFESPAN; null is infinite.</summary>
    public TimeSpan? Lifespan { get; init; }

    /// <summary>LIVELINESS kind.</summary>
    public DdsLiveliness Liveliness { get; init; } = DdsLiveliness.Automatic;

    /// <summary>LIVELINESS lease duration; null is infinite.</summary>
    public TimeSpan? LeaseDuration { get; init; }

    /// <summary>WRITER_DATA_LIFECYCLE autodispose_unregistered_instances.</summary>
    public bool AutodisposeUnregisteredInstances { get; init; }

    /// <summary>Whether a reader ignores writers of its own participant.</summary>
    public bool IgnoreLocalParticipant { get; init; }

    /// <summary>USER_DATA, or null for none.</summary>
    public byte[]? UserData { get; init; }

    /// <summary>
    /// Whether to add a DURABILITY_SERVICE policy mirroring the history: Cyclone keeps transient-local
    /// history according to it, so rmw_cyclonedds sets it for every transient-local endpoint.
    /// </summary>
    public bool DurabilityServiceFromHistory { get; init; }

    /// <summary>The USER_DATA as text (ROS puts <c>key=value;</c> pairs there), or empty.</summary>
    public string UserDataText => UserData is null ? string.Empty : Encoding.UTF8.GetString(UserData).TrimEnd('\0');

    /// <summary>The policies ROS users care about, as <c>ros2 topic info -v</c> lists them.</summary>
    public override string ToString() =>
        $"reliability {Upper(Reliability)}, durability {Upper(Durability)}, history {Upper(History)}" +
        (History == DdsHistory.KeepLast ? $" ({Depth})" : string.Empty) +
        $", deadline {Format(Deadline)}, lifespan {Format(Lifespan)}, liveliness {Upper(Liveliness)} (lease {Format(LeaseDuration)})";

    internal static long ToNanoseconds(TimeSpan? duration) =>
        duration is null || duration.Value == TimeSpan.MaxValue ? DdsNative.Infinity : duration.Value.Ticks * 100;

    internal static TimeSpan? FromNanoseconds(long nanoseconds) =>
        nanoseconds >= DdsNative.Infinity ? null : TimeSpan.FromTicks(nanoseconds / 100);

    /// <summary>A native <c>dds_qos_t</c> with these policies; the caller deletes it with <c>dds_delete_qos</c>.</summary>
    internal unsafe void* CreateNative()
    {
        void* qos = DdsNative.dds_create_qos();
        DdsNative.dds_qset_reliability(qos, (int)Reliability, ToNanoseconds(MaxBlockingTime));
        DdsNative.dds_qset_durability(qos, (int)Durability);
        DdsNative.dds_qset_history(qos, (int)History, Depth);
        if (DurabilityServiceFromHistory && Durability == DdsDurability.TransientLocal)
        {
            DdsNative.dds_qset_durability_service(qos, 0, (int)History, Depth, -1, -1, -1);
        }

        if (Deadline is not null)
        {
            DdsNative.dds_qset_deadline(qos, ToNanoseconds(Deadline));
        }

        if (Lifespan is not null)
        {
            DdsNative.dds_qset_lifespan(qos, ToNanoseconds(Lifespan));
        }

        DdsNative.dds_qset_liveliness(qos, (int)Liveliness, ToNanoseconds(LeaseDuration));
        DdsNative.dds_qset_writer_data_lifecycle(qos, AutodisposeUnregisteredInstances ? (byte)1 : (byte)0);
        if (IgnoreLocalParticipant)
        {
            DdsNative.dds_qset_ignorelocal(qos, 1);
        }

        if (UserData is { Length: > 0 } userData)
        {
            fixed (byte* data = userData)
            {
                DdsNative.dds_qset_userdata(qos, data, (nuint)userData.Length);
            }
        }

        return qos;
    }

    /// <summary>Reads the policies of a native QoS (of a discovered endpoint, say).</summary>
    internal static unsafe DdsQos FromNative(void* qos)
    {
        if (qos == null)
        {
            return new DdsQos();
        }

        int reliability = 0, durability = 0, history = 0, depth = 1, liveliness = 0;
        long blocking = DdsNative.Infinity, deadline = DdsNative.Infinity, lifespan = DdsNative.Infinity, lease = DdsNative.Infinity;
        bool hasReliability = DdsNative.dds_qget_reliability(qos, &reliability, &blocking) != 0;
        DdsNative.dds_qget_durability(qos, &durability);
        DdsNative.dds_qget_history(qos, &history, &depth);
        DdsNative.dds_qget_deadline(qos, &deadline);
        DdsNative.dds_qget_lifespan(qos, &lifespan);
        DdsNative.dds_qget_liveliness(qos, &liveliness, &lease);
        return new DdsQos
        {
            Reliability = hasReliability ? (DdsReliability)reliability : DdsReliability.BestEffort,
            MaxBlockingTime = FromNanoseconds(blocking),
            Durability = (DdsDurability)durability,
            History = (DdsHistory)history,
            Depth = depth,
            Deadline = FromNanoseconds(deadline),
            Lifespan = FromNanoseconds(lifespan),
            Liveliness = (DdsLiveliness)liveliness,
            LeaseDuration = FromNanoseconds(lease),
            UserData = ReadUserData(qos),
        };
    }

    internal static unsafe byte[]? ReadUserData(void* qos)
    {
        void* value = null;
        nuint size = 0;
        if (qos == null || DdsNative.dds_qget_userdata(qos, &value, &size) == 0 || value == null)
        {
            return null;
        }

        try
        {
            return new ReadOnlySpan<byte>(value, (int)size).ToArray();
        }
        finally
        {
            DdsNative.dds_free(value);
        }
    }

    private static string Upper<T>(T value)
        where T : struct, Enum
    {
        var sb = new StringBuilder();
        foreach (char c in value.ToString())
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(c));
        }

        return sb.ToString();
    }

    private static string Format(TimeSpan? duration) =>
        duration is null ? "infinite" : duration.Value.TotalSeconds.ToString("0.#########", CultureInfo.InvariantCulture) + " s";
}
