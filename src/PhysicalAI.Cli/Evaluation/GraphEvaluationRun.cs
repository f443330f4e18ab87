using System.Globalization;
using PhysicalAI.Cli.Commands;
using PhysicalAI.Learning.Evaluation;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Inference;
using PhysicalAI.Robot;

namespace PhysicalAI.Cli.Evaluation;

/// <summary><c>pai eval</c> through the node graph over DDS: the episodes, a progress bar, the figures, and the report folder.</summary>
internal static class GraphEvaluationRun
{
    private const int TracedEpisodes = 3;

    public static int Run(string cardFile, string robot, RobotModel model, ReachEvaluationOptions options, string reportFolder, bool list)
    {
        PolicyCard card;
        try
        {
            card = PolicyCardLoader.Load(cardFile);
        }
        catch (PolicyModelException e)
        {
            throw new CliError(e.Message);
        }

        // Within 1..101, the ids whose ports stay clear of Linux's ephemeral range.
        uint domain = (uint)(30 + (Environment.ProcessId % 70));
        var outcomes = new List<EpisodeOutcome>();
        var traces = new List<EpisodeTrace>();
        EvaluationCounters? first = null, last = null;
        string[] faults = [];
        int n = options.Episodes;
        Console.Error.WriteLine($"launching sim_reach.launch.yaml (sim_arm, policy_node, safety_controller) on domain {domain}...");
        using (var graph = new EvaluationGraph(Path.GetFullPath(cardFile), card, robot, model, options.Timeout, options.FirstSeed, options.Ablation, domain))
        {
            graph.WaitReady(TimeSpan.FromSeconds(180));
            for (int i = 0; i < n; i++)
            {
                int seed = options.FirstSeed + i;
                EpisodeTrace? trace = i < TracedEpisodes ? new EpisodeTrace(seed, ReachEvaluationEpisodes.Scene(seed).Target.Color.Name) : null;
                (EpisodeOutcome outcome, EvaluationCounters before, EvaluationCounters after) = graph.RunEpisode(seed, trace);
                outcomes.Add(outcome);
                if (trace is not null)
                {
                    traces.Add(trace);
                }

                first ??= before;
                last = after;
                int succeeded = outcomes.Count(o => o.Succeeded);
                Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', 30 * (i + 1) / n),-30}] {i + 1}/{n} episodes, {succeeded} succeeded"));
            }

            Console.Error.WriteLine();
            faults = [.. graph.FaultsCleared];
        }

        var summary = new EvaluationSummary(outcomes);
        CultureInfo c = CultureInfo.InvariantCulture;
        string interventions = string.Join(", ", last!.Interventions.Select(kv => $"{kv.Key} {kv.Value - first!.Interventions.GetValueOrDefault(kv.Key)}"));
        List<string> figures =
        [
            string.Create(c, $"safety interventions (control cycles limited, by kind): {interventions}"),
            string.Create(c, $"safety watchdog stops: {last.WatchdogStops - first!.WatchdogStops}, rejected commands: {last.RejectedCommands - first.RejectedCommands}"),
            string.Create(c, $"inference latency p50 {last.InferenceP50Ms} ms, p99 {last.InferenceP99Ms} ms (policy_node, last 512 inferences); inferences {last.Inferences - first.Inferences}, over budget {last.OverBudget - first.OverBudget}"),
            string.Create(c, $"stale drops (control steps withheld for stale observations): {last.StaleSteps - first.StaleSteps}"),
            faults.Length == 0 ? "safety faults: none" : $"safety faults latched (cleared by the evaluation before the next episode): {faults.Length}: {string.Join("; ", faults)}",
        ];
        if (options.Ablation == EvaluationAblation.OtherColorInstruction)
        {
            figures.Add(string.Create(c, $"reached the instructed (other) cube: {100 * summary.InstructedRate:0.0}%"));
        }

        List<string> settings =
        [
            $"policy card: {cardFile} ('{card.Name}')",
            $"robot: {robot}; launch/sim_reach.launch.yaml: sim_arm, policy_node and safety_controller as separate processes over DDS",
            string.Create(c, $"episodes: {n}, seeds {options.FirstSeed}–{options.FirstSeed + n - 1}; {options.Timeout} s of simulated time each"),
            $"ablation: {Describe(options.Ablation)}",
        ];

        Console.WriteLine(string.Join('\n', settings));
        if (list)
        {
            foreach (EpisodeOutcome o in outcomes)
            {
                Console.WriteLine(string.Create(c, $"seed {o.Seed,4} {o.Color,-6} {(o.Succeeded ? $"reached in {o.SuccessTime:0.00} s" : $"missed, {o.FinalDistance:0.000} m away")}  \"{o.Instruction}\""));
            }
        }

        Console.Write(summary.Format());
        foreach (string f in figures)
        {
            Console.WriteLine(f);
        }

        string path = EvaluationReport.Write(reportFolder, $"Evaluation of '{card.Name}'", settings, summary, figures, traces);
        Console.WriteLine($"report: {path}");
        return 0;
    }

    private static string Describe(EvaluationAblation ablation) => ablation switch
    {
        EvaluationAblation.OtherColorInstruction => "the instruction names another cube of the scene (success scored on the scene's target)",
        EvaluationAblation.BlankCamera => "every camera frame the policy sees is black",
        _ => "none",
    };
}
