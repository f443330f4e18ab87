using System.Globalization;
using System.Text.RegularExpressions;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// The smoke evaluation: the project's reference policy in closed loop through the node graph users run
/// (sim_arm, policy_node, safety_controller, each its own process over DDS), on five held-out seeds.
/// </summary>
[NonParallelizable]
public partial class ReferencePolicyEvaluationTests
{
    [Test]
    public void TheReferencePolicy_ReachesItsCube_InAtLeastFourOfFiveEpisodes()
    {
        PaiLauncher.EnsureBuilt();
        string card = Path.Combine(RepositoryRoot.Path, "models", "reference_reach.yaml");
        string report = Directory.CreateTempSubdirectory("pai_eval").FullName;
        try
        {
            using var eval = new ChildProcess(RepositoryRoot.Pai, ["eval", "--policy", card, "--episodes", "5", "--seed", "0", "--report", report]);
            Assert.That(eval.WaitForExit(TimeSpan.FromMinutes(12)), Is.True, eval.Output);
            TestContext.Out.WriteLine(eval.Output);
            Assert.That(eval.ExitCode, Is.Zero, eval.Output);

            Match success = Success().Match(eval.Output);
            Assert.That(success.Success, Is.True, eval.Output);
            int reached = int.Parse(success.Groups["k"].Value, CultureInfo.InvariantCulture);
            Assert.Multiple(() =>
            {
                Assert.That(success.Groups["n"].Value, Is.EqualTo("5"));
                Assert.That(reached, Is.GreaterThanOrEqualTo(4));
                Assert.That(File.Exists(Path.Combine(report, "summary.md")), Is.True);
                Assert.That(File.Exists(Path.Combine(report, "success_by_colour.png")), Is.True);
                Assert.That(Directory.GetFiles(report, "trajectory_seed_*.png"), Has.Length.EqualTo(3));
            });
        }
        finally
        {
            Directory.Delete(report, recursive: true);
        }
    }

    [GeneratedRegex(@"success: [\d.]+% \((?<k>\d+)/(?<n>\d+)\)")]
    private static partial Regex Success();
}
