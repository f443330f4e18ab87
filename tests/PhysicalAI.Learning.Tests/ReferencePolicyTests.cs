using PhysicalAI.Learning.Evaluation;
using PhysicalAI.Policy;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Learning.Tests;

/// <summary>The committed reference policy (models/reference_reach.*), in closed loop in process, on held-out seeds.</summary>
public class ReferencePolicyTests
{
    private static readonly string Card = Path.Combine(RepositoryRoot.Path, "models", "reference_reach.yaml");

    private static EvaluationSummary Evaluate(int firstSeed, int episodes, EvaluationAblation ablation)
    {
        RobotModel robot = UrdfParser.Load(Path.Combine(RepositoryRoot.Path, "urdf", "pai_arm.urdf"));
        using PolicyRuntime runtime = PolicyRuntime.Load(PolicyCardLoader.Load(Card));
        return new InProcessEvaluator(robot, runtime, new ReachEvaluationOptions { FirstSeed = firstSeed, Episodes = episodes, Ablation = ablation }).Run();
    }

    [Test]
    public void TheCommittedModel_FitsInTenMegabytes()
    {
        long bytes = new DirectoryInfo(Path.Combine(RepositoryRoot.Path, "models")).GetFiles("reference_reach*").Sum(f => f.Length);
        Assert.That(bytes, Is.GreaterThan(0).And.LessThanOrEqualTo(10L << 20));
    }

    [Test]
    public void FiveHeldOutEpisodes_AtLeastFourSucceed()
    {
        EvaluationSummary summary = Evaluate(firstSeed: 0, episodes: 5, EvaluationAblation.None);
        Assert.That(summary.Successes, Is.GreaterThanOrEqualTo(4), summary.Format());
    }

    [Test]
    public void InstructedToReachAnotherCube_ItReachesThatOne_NotTheScoredOne()
    {
        EvaluationSummary summary = Evaluate(firstSeed: 0, episodes: 5, EvaluationAblation.OtherColorInstruction);
        Assert.That(summary.Successes, Is.LessThanOrEqualTo(1), summary.Format());
        Assert.That(summary.InstructedRate, Is.GreaterThanOrEqualTo(0.8), summary.Format());
    }

    [Test]
    public void WithTheCameraBlank_FewEpisodesSucceed()
    {
        EvaluationSummary summary = Evaluate(firstSeed: 0, episodes: 5, EvaluationAblation.BlankCamera);
        Assert.That(summary.Successes, Is.LessThanOrEqualTo(1), summary.Format());
    }
}
