using PhysicalAI.Robot;
using PhysicalAI.Robot.Kinematics;
using PhysicalAI.Robot.Urdf;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Safety.Tests;

/// <summary>The workspace box: the tool's stopping point is kept inside it, through forward kinematics.</summary>
public class WorkspaceTests
{
    [Test]
    public void ATargetBelowTheBoxFloor_StopsTheToolAtTheFloor_NotBelowIt()
    {
        RobotModel robot = UrdfParser.Load(Path.Combine(RepositoryRoot.Path, "urdf", "pai_arm.urdf"));
        JointSafetyLimits[] limits = [.. robot.ActuatedJoints.Select(j => JointSafetyLimits.FromJoint(j, new SafetyDefaults()))];
        var box = new WorkspaceBox(new Vector3d(-1, -1, 0.35), new Vector3d(1, 1, 1));
        var limiter = new SafetyLimiter(limits, 0.002, new WorkspaceGuard(robot, "tool0", box));
        var chain = new KinematicChain(robot, robot.RootLink, "tool0");
        limiter.Reset(new double[limits.Length]);

        // Pitch the arm forward and down: the tool would end well below z = 0.35 m.
        double[] target = [0, 1.2, 1.0, 0.6, 0, 0, 0.01];
        Assert.That(chain.TipPose(target).Translation.Z, Is.LessThan(0.2), "the target is outside the box");
        Interventions seen = Interventions.None;
        double lowest = double.MaxValue;
        for (int i = 0; i < 3000; i++)
        {
            seen |= limiter.Step(target, LimiterMode.Track);
            lowest = Math.Min(lowest, chain.TipPose(limiter.Positions).Translation.Z);
        }

        TestContext.Out.WriteLine($"lowest tool height {lowest:0.0000} m with the box floor at 0.35 m");
        Assert.Multiple(() =>
        {
            Assert.That(seen.HasFlag(Interventions.Workspace), Is.True);
            Assert.That(lowest, Is.GreaterThan(0.35 - 0.01), "the stopping point is kept in the box; the path to it may bulge by millimetres");
            Assert.That(limiter.IsAtRest, Is.True, "it came to rest at the box, not oscillating");
        });
    }
}
