using System.CommandLine;
using PhysicalAI.Cli.Evaluation;
using PhysicalAI.Cli.Launch;
using PhysicalAI.Learning.Evaluation;
using PhysicalAI.Nodes;

namespace PhysicalAI.Cli.Commands;

/// <summary>
/// <c>pai demo</c>: the whole suite working, in one command — the simulated arm with its cameras, the reference
/// policy in <c>policy_node</c> and the <c>safety_controller</c> between them, each its own process over DDS,
/// through a short closed-loop evaluation on held-out scenes; prints the results and where the report is.
/// </summary>
internal static class DemoCommand
{
    public const string Card = "models/reference_reach.yaml";

    public static Command Create()
    {
        var episodes = new Option<int>("--episodes") { Description = "Episodes to run", DefaultValueFactory = _ => 10 };
        var report = new Option<string>("--report") { Description = "Folder for the report", DefaultValueFactory = _ => "demo_report" };
        var command = new Command("demo", "Runs the simulated arm with the reference policy behind the safety controller through a short evaluation") { episodes, report };
        command.SetAction(result =>
        {
            string card = PackageIndex.FromProcess().FindShare(PackageIndex.OwnPackage) is { } share && File.Exists(Path.Combine(share, Card))
                ? Path.Combine(share, Card)
                : throw new CliError($"{Card} is not beside this build; run the demo from the repository (./pai demo)");
            int n = Math.Max(1, result.GetValue(episodes));
            Console.Error.WriteLine($"PhysicalAI.Ros demo: {n} held-out reach episodes with the reference policy ({card})");
            return GraphEvaluationRun.Run(card, "pai_arm", BuiltInRobots.Load("pai_arm"), new ReachEvaluationOptions { FirstSeed = 0, Episodes = n }, Path.GetFullPath(result.GetValue(report)!), list: true);
        });
        return command;
    }
}
