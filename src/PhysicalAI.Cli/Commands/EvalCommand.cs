using System.CommandLine;
using System.Globalization;
using PhysicalAI.Learning.Evaluation;
using PhysicalAI.Nodes;
using PhysicalAI.Policy;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Inference;
using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;

namespace PhysicalAI.Cli.Commands;

/// <summary>
/// <c>pai eval --in-process --policy CARD</c>: the policy in closed loop on held-out seeded scenes, in one
/// process (simulated arm, front camera, policy runtime, action-chunk queue), with success overall and per
/// colour, and the two ablations that show the policy uses its inputs.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var inProcess = new Option<bool>("--in-process") { Description = "Simulate and run the policy in this process (no DDS), instead of through sim_arm, policy_node and safety_controller" };
        var report = new Option<string>("--report") { Description = "Folder for the report (summary.md and plots) of an evaluation through the node graph", DefaultValueFactory = _ => "eval_report" };
        var policy = new Option<FileInfo>("--policy") { Description = "The policy card (.yaml)", Required = true };
        var robot = CliOptions.Robot();
        var episodes = new Option<int>("--episodes") { Description = "Episodes", DefaultValueFactory = _ => 100 };
        var seed = new Option<int>("--seed") { Description = "First scene seed (held-out seeds are 0-999)", DefaultValueFactory = _ => 0 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds of simulated time per episode (sim_arm's episode_timeout)", DefaultValueFactory = _ => ReachEvaluationEpisodes.DefaultTimeout };
        var otherInstruction = new Option<bool>("--other-instruction") { Description = "Ablation: the instruction names another cube; success is scored on the scene's target" };
        var blankCamera = new Option<bool>("--blank-camera") { Description = "Ablation: every camera frame is black" };
        var command = new Command("eval", "Closed-loop success of a policy on held-out seeded scenes") { inProcess, policy, robot, episodes, seed, timeout, otherInstruction, blankCamera, report };
        command.SetAction(result =>
        {
            if (result.GetValue(otherInstruction) && result.GetValue(blankCamera))
            {
                throw new CliError("--other-instruction and --blank-camera are separate ablations; pass one");
            }

            int n = result.GetValue(episodes);
            double limit = result.GetValue(timeout);
            if (n < 1 || !(limit > 0))
            {
                throw new CliError($"--episodes must be at least 1 and --timeout positive (got {n} and {limit})");
            }

            RobotModel model = CliOptions.LoadRobot(result.GetValue(robot)!);
            var options = new ReachEvaluationOptions
            {
                FirstSeed = result.GetValue(seed),
                Episodes = n,
                Timeout = limit,
                Ablation = result.GetValue(otherInstruction) ? EvaluationAblation.OtherColorInstruction
                    : result.GetValue(blankCamera) ? EvaluationAblation.BlankCamera : EvaluationAblation.None,
            };

            if (!result.GetValue(inProcess))
            {
                return Evaluation.GraphEvaluationRun.Run(result.GetValue(policy)!.FullName, result.GetValue(robot)!, model, options, result.GetValue(report)!, list: false);
            }

            EvaluationSummary summary;
            try
            {
                PolicyCard card = PolicyCardLoader.Load(result.GetValue(policy)!.FullName);
                using PolicyRuntime runtime = PolicyRuntime.Load(card);
                var evaluator = new InProcessEvaluator(model, runtime, options);
                int done = 0, succeeded = 0;
                summary = evaluator.Run(o =>
                {
                    done++;
                    succeeded += o.Succeeded ? 1 : 0;
                    Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', 30 * done / n),-30}] {done}/{n} episodes, {succeeded} succeeded"));
                });
                Console.Error.WriteLine();
            }
            catch (Exception e) when (e is PolicyModelException or ArgumentException)
            {
                throw new CliError(e.Message);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} episodes from seed {options.FirstSeed}, {limit} s each, ablation: {options.Ablation}"));
            Console.Write(summary.Format());
            if (options.Ablation == EvaluationAblation.OtherColorInstruction)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reached the instructed (other) cube: {100 * summary.InstructedRate:0.0}%"));
            }

            return 0;
        });
        return command;
    }
}
