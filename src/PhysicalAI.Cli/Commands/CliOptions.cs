using System.CommandLine;

namespace PhysicalAI.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CliOptions
{
    public static Option<double> SpinTime(double seconds) => new("--spin-time")
    {
        Description = "How long to wait for discovery, in seconds",
        DefaultValueFactory = _ => seconds,
    };

    public static Option<string?> QosProfile() => new("--qos-profile")
    {
        Description = "QoS profile: default, sensor_data, services_default, parameters, parameter_events, rosout, clock, system_default",
    };
}
