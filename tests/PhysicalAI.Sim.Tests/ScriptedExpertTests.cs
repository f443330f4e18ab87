using PhysicalAI.Robot;

namespace PhysicalAI.Sim.Tests;

public class ScriptedExpertTests
{
    private const double ControlPeriod = 0.02;
    private const double TimeLimit = 12.0;

    /// <summary>Runs the expert on one seeded scene at 50 Hz control, 1 kHz physics; returns the episode.</summary>
    internal static (Episode Episode, string? Failure) RunExpert(RobotModel robot, int seed)
    {
        Scene scene = new SceneLayout().Generate(seed);
        var arm = new SimulatedArm(robot);
        var episode = new Episode(arm, scene, new double[robot.ActuatedJoints.Count]);
        var expert = new ScriptedExpert(arm);
        if (!expert.Plan(scene))
        {
            return (episode, expert.Failure);
        }

        while (!episode.Succeeded && episode.Elapsed < TimeLimit)
        {
            arm.CommandPositions(expert.NextTargets());
            for (int i = 0; i < 20; i++)
            {
                episode.Step(ControlPeriod / 20);
            }
        }

        return (episode, null);
    }

    [TestCaseSource(typeof(RepositoryRobots), nameof(RepositoryRobots.Files))]
    public void Expert_SolvesAtLeast99PercentOf200SeededScenes(string file)
    {
        RobotModel robot = RepositoryRobots.Load(file);
        var failures = new List<string>();
        var times = new List<double>();
        for (int seed = 0; seed < 200; seed++)
        {
            (Episode episode, string? failure) = RunExpert(robot, seed);
            if (episode.Succeeded)
            {
                times.Add(episode.SuccessTime);
            }
            else
            {
                failures.Add($"seed {seed} ({episode.Scene.Instruction}): {failure ?? $"ended {episode.ToolDistance:0.000} m away"}");
            }
        }

        times.Sort();
        TestContext.Out.WriteLine(times.Count == 0 ? $"{file}: 0/200 succeeded" : $"{file}: {200 - failures.Count}/200 succeeded; median time to success {times[times.Count / 2]:0.00} s, slowest {times[^1]:0.00} s");
        foreach (string f in failures)
        {
            TestContext.Out.WriteLine(f);
        }

        Assert.That(failures, Has.Count.LessThanOrEqualTo(2), string.Join("\n", failures));
    }

    [Test]
    public void Expert_FailsClearly_WhenTheCubeIsOutOfReach()
    {
        RobotModel robot = RepositoryRobots.Load("so101.urdf");
        Scene near = new SceneLayout().Generate(1);
        SceneCube far = near.Target with { Center = new Vector3d(1.5, 0, 0.02) };
        Scene scene = near with { Target = far, Cubes = [far] };
        var expert = new ScriptedExpert(new SimulatedArm(robot));
        Assert.Multiple(() =>
        {
            Assert.That(expert.Plan(scene), Is.False);
            Assert.That(expert.Failure, Does.StartWith("out of reach"));
        });
    }
}
