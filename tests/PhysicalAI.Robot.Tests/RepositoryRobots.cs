using PhysicalAI.Robot.Urdf;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Robot.Tests;

/// <summary>The robot descriptions in the repository's urdf/ folder.</summary>
internal static class RepositoryRobots
{
    public static RobotModel Load(string file) => UrdfParser.Load(System.IO.Path.Combine(RepositoryRoot.Path, "urdf", file));
}
