using System.CommandLine;
using PhysicalAI.Nodes;
using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;

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

    public static Option<string> Robot() => new("--robot")
    {
        Description = $"Built-in robot ({string.Join(", ", BuiltInRobots.Names)}) or a URDF file",
        DefaultValueFactory = _ => "pai_arm",
    };

    /// <summary>The robot a <see cref="Robot"/> option names; a broken URDF or an unknown name is a <see cref="CliError"/>.</summary>
    public static RobotModel LoadRobot(string nameOrFile)
    {
        try
        {
            return BuiltInRobots.Load(nameOrFile);
        }
        catch (Exception e) when (e is UrdfException or ArgumentException)
        {
            throw new CliError(e.Message);
        }
    }
}
