using Microsoft.ML.OnnxRuntime;
using PhysicalAI.Policy.Inference;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Parameters;
using static PhysicalAI.Nodes.ReadOnlyParameters;

namespace PhysicalAI.Nodes.Policy;

/// <summary>policy_node's parameters (read-only but the instruction), declared with descriptors.</summary>
internal sealed record PolicyNodeSettings
{
    public required string CardFile { get; init; }

    public required OnnxRunnerOptions Runtime { get; init; }

    public required bool TrajectoryOutput { get; init; }

    /// <summary>Seconds; 0 for the card's default (the time the queue lasts past the refill threshold).</summary>
    public required double InferenceBudget { get; init; }

    public required int WarmupRuns { get; init; }

    public required bool StartEnabled { get; init; }

    public required double DiagnosticsRate { get; init; }

    public static PolicyNodeSettings Read(Node node)
    {
        string card = node.DeclareParameter("policy_card", string.Empty, Described("The policy card (YAML beside the .onnx files); required"));
        string provider = node.DeclareParameter("execution_provider", "cpu", Described("ONNX Runtime execution provider: cpu, cuda or tensorrt (the GPU ones need the GPU build)"));
        long threads = node.DeclareParameter("intra_op_threads", 1L, RangedInteger("Threads ONNX Runtime uses inside one operator; 0 lets it choose", 0, 256));
        string optimization = node.DeclareParameter("optimization_level", "all", Described("Graph optimization: disabled, basic, extended or all"));
        string output = node.DeclareParameter("output_type", "joint_state", Described("~/command as joint_state (one setpoint per control step) or joint_trajectory (the queued chunk whenever a new one arrives)"));
        double budget = node.DeclareParameter("inference_budget", 0.0, Ranged("An inference slower than this is reported, s; 0 for the time the queue lasts past the card's refill threshold", 0, 60));
        long warmup = node.DeclareParameter("warmup_runs", 3L, RangedInteger("Inferences run before the first command, so the first chunk is not the slow one", 0, 100));
        bool enabled = node.DeclareParameter("start_enabled", true, Described("Commanding at start (otherwise call ~/enable)"));
        double diagnosticsRate = node.DeclareParameter("diagnostics_rate", 1.0, Ranged("Rate of /diagnostics, Hz", 0.1, 100));

        if (card.Length == 0)
        {
            throw new InvalidParameterValueException("parameter 'policy_card' is required: the path of the policy's card (YAML), e.g. -p policy_card:=models/reference_reach.yaml");
        }

        return new PolicyNodeSettings
        {
            CardFile = card,
            Runtime = new OnnxRunnerOptions
            {
                ExecutionProvider = provider,
                IntraOpThreads = (int)threads,
                OptimizationLevel = optimization switch
                {
                    "disabled" => GraphOptimizationLevel.ORT_DISABLE_ALL,
                    "basic" => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                    "extended" => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                    "all" => GraphOptimizationLevel.ORT_ENABLE_ALL,
                    _ => throw new InvalidParameterValueException($"parameter 'optimization_level' is '{optimization}'; use disabled, basic, extended or all"),
                },
            },
            TrajectoryOutput = output switch
            {
                "joint_state" => false,
                "joint_trajectory" => true,
                _ => throw new InvalidParameterValueException($"parameter 'output_type' is '{output}'; use joint_state or joint_trajectory"),
            },
            InferenceBudget = budget,
            WarmupRuns = (int)warmup,
            StartEnabled = enabled,
            DiagnosticsRate = diagnosticsRate,
        };
    }
}
