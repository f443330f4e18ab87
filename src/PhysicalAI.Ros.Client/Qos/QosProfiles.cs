namespace PhysicalAI.Ros.Client.Qos;

/// <summary>The predefined ROS 2 QoS profiles (<c>rmw/qos_profiles.h</c>, rclcpp's <c>ClockQoS</c>).</summary>
public static class QosProfiles
{
    /// <summary><c>rmw_qos_profile_default</c>: keep last 10, reliable, volatile.</summary>
    public static readonly QosProfile Default = new();

    /// <summary><c>rmw_qos_profile_sensor_data</c>: keep last 5, best effort, volatile.</summary>
    public static readonly QosProfile SensorData = new() { Depth = 5, Reliability = QosReliability.BestEffort };

    /// <summary><c>rmw_qos_profile_services_default</c>: keep last 10, reliable, volatile.</summary>
    public static readonly QosProfile ServicesDefault = new();

    /// <summary><c>rmw_qos_profile_parameters</c>: keep last 1000, reliable, volatile.</summary>
    public static readonly QosProfile Parameters = new() { Depth = 1000 };

    /// <summary><c>rmw_qos_profile_parameter_events</c>: keep last 1000, reliable, volatile.</summary>
    public static readonly QosProfile ParameterEvents = new() { Depth = 1000 };

    /// <summary><c>rcl_qos_profile_rosout_default</c>: keep last 1000, reliable, transient local, lifespan 10 s.</summary>
    public static readonly QosProfile Rosout = new() { Depth = 1000, Durability = QosDurability.TransientLocal, Lifespan = TimeSpan.FromSeconds(10) };

    /// <summary>rclcpp's <c>ClockQoS</c>: keep last 1, best effort, volatile.</summary>
    public static readonly QosProfile Clock = new() { Depth = 1, Reliability = QosReliability.BestEffort };

    /// <summary><c>rmw_qos_profile_system_default</c>: every policy left to the middleware.</summary>
    public static readonly QosProfile SystemDefault = new()
    {
        History = QosHistory.SystemDefault,
        Depth = 0,
        Reliability = QosReliability.SystemDefault,
        Durability = QosDurability.SystemDefault,
    };

    /// <summary>Names accepted by <see cref="FromName"/>, as <c>ros2 topic echo --qos-profile</c> takes them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["default", "sensor_data", "services_default", "parameters", "parameter_events", "rosout", "clock", "system_default"];

    /// <summary>A profile by its <c>ros2</c> CLI name.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static QosProfile FromName(string name) => name switch
    {
        "default" => Default,
        "sensor_data" => SensorData,
        "services_default" => ServicesDefault,
        "parameters" => Parameters,
        "parameter_events" => ParameterEvents,
        "rosout" => Rosout,
        "clock" => Clock,
        "system_default" => SystemDefault,
        _ => throw new ArgumentException($"unknown QoS profile '{name}'; choose one of: {string.Join(", ", Names)}", nameof(name)),
    };
}
