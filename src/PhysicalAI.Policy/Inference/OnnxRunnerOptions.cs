using Microsoft.ML.OnnxRuntime;

namespace PhysicalAI.Policy.Inference;

/// <summary>How ONNX Runtime runs a model: execution provider (cpu, cuda, tensorrt), threads, graph optimization.</summary>
public sealed record OnnxRunnerOptions
{
    public string ExecutionProvider { get; init; } = "cpu";

    /// <summary>Threads within an operator; one is fastest for small policies (measured), raise it for large ones.</summary>
    public int IntraOpThreads { get; init; } = 1;

    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;
}
