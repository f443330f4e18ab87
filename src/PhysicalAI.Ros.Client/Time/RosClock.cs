namespace PhysicalAI.Ros.Client.Time;

/// <summary>
/// A node's ROS clock (rclcpp's <c>RCL_ROS_TIME</c> clock): the system clock, or — while the node's
/// <c>use_sim_time</c> parameter is true — the latest time received on <c>/clock</c>, which reads zero
/// until the first message. Thread-safe.
/// </summary>
public sealed class RosClock
{
    private long _simulated;
    private volatile bool _useSimulated;

    /// <summary>Raised whenever simulated time is set or the clock switches source; executors wake on it to run ROS-time timers.</summary>
    public event Action? Changed;

    /// <summary>Whether the clock follows <c>/clock</c> rather than the system clock.</summary>
    public bool IsSimulated => _useSimulated;

    /// <summary>The current ROS time.</summary>
    public RosTime Now() => _useSimulated ? new RosTime(Interlocked.Read(ref _simulated)) : SystemNow();

    /// <summary>The system clock as ROS time (what log stamps use).</summary>
    public static RosTime SystemNow() => new((DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100);

    /// <summary>Switches between the system clock and simulated time.</summary>
    public void UseSimulatedTime(bool on)
    {
        if (_useSimulated == on)
        {
            return;
        }

        _useSimulated = on;
        Changed?.Invoke();
    }

    /// <summary>Sets simulated time (from a <c>/clock</c> message); it may go backwards, as when a recording loops.</summary>
    public void SetSimulatedTime(RosTime time)
    {
        Interlocked.Exchange(ref _simulated, time.Nanoseconds);
        if (_useSimulated)
        {
            Changed?.Invoke();
        }
    }
}
