using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Sim.Tests;

/// <summary>The robot descriptions in the repository's urdf/ folder.</summary>
internal static class RepositoryRobots
{
    public static readonly string[] Files = ["pai_arm.urdf", "so101.urdf"];

    public static RobotModel Load(string file) => UrdfParser.Load(System.IO.Path.Combine(RepositoryRoot.Path, "urdf", file));
}
