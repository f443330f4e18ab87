using PhysicalAI.Onnx;

namespace PhysicalAI.Cli.Commands.Bench;

/// <summary>
/// The policy the policy benchmark runs: a 224x224 camera, seven joints, 16 instruction tokens and a chunk of
/// 10 × 7, with a graph so small that the session run is a few microseconds — what is left of an inference
/// is ours. Every action is the joint state plus the image's brightness, so a command tells which frame it
/// came from.
/// </summary>
internal static class BenchPolicy
{
    public const int Joints = 7, Horizon = 10, Tokens = 16, Size = 224;

    public static readonly string[] JointNames = [.. Enumerable.Range(1, Joints).Select(i => $"joint_{i}")];

    public static string Card(string topic, double rate) => $$"""
        name: bench_policy
        graphs: {model: bench.onnx}
        control_rate: {{rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}}
        images:
          - {input: image, topic: {{topic}}, width: {{Size}}, height: {{Size}}, resize: stretch, max_age: 0.5}
        state:
          input: state
          joints: [{{string.Join(", ", JointNames)}}]
          max_age: 0.5
          normalization: {kind: mean_std, mean: [{{string.Join(", ", Enumerable.Repeat("0.0", Joints))}}], std: [{{string.Join(", ", Enumerable.Repeat("1.0", Joints))}}]}
        language: {tokenizer: word_vocab, file: bench.vocab.txt, max_tokens: {{Tokens}}, pad_id: 0, eos_id: 1, ids_input: ids, mask_input: mask}
        actions:
          output: action
          horizon: {{Horizon}}
          dims: {{Joints}}
          meaning: absolute
          joints: [{{string.Join(", ", JointNames)}}]
          normalization: {kind: mean_std, mean: [{{string.Join(", ", Enumerable.Repeat("0.0", Joints))}}], std: [{{string.Join(", ", Enumerable.Repeat("1.0", Joints))}}]}
          steps_per_inference: 1
        """;

    public static string[] Vocabulary => ["<pad>", "<eos>", "<unk>", "reach", "the", "red", "cube"];

    // action[k][d] = state[d] + mean(image) + 0 · Σ ids (the ids are read, so the input is live).
    public static byte[] Model() => new OnnxGraphBuilder("bench_policy")
        .Input("image", OnnxElementType.Float, 1, 3, Size, Size)
        .Input("state", OnnxElementType.Float, 1, Joints)
        .Input("ids", OnnxElementType.Int64, 1, Tokens)
        .Input("mask", OnnxElementType.Int64, 1, Tokens)
        .Initializer("rows", [1, Horizon, 1], [.. Enumerable.Repeat(1f, Horizon)])
        .Initializer("zero", [1], [0f])
        .Node("Mul", ["ids", "mask"], ["kept"])
        .Node("ReduceSum", ["kept"], ["idsum"], ("keepdims", 0L))
        .Node("Cast", ["idsum"], ["idsumf"], ("to", 1L))
        .Node("Mul", ["idsumf", "zero"], ["nothing"])
        .Node("ReduceMean", ["image"], ["brightness"], ("keepdims", 0L))
        .Node("Add", ["state", "brightness"], ["s1"])
        .Node("Add", ["s1", "nothing"], ["row"])
        .Node("Mul", ["rows", "row"], ["action"])
        .Output("action", OnnxElementType.Float, 1, Horizon, Joints)
        .ToModel();

    /// <summary>Writes the card, model and vocabulary into <paramref name="folder"/>; returns the card's path.</summary>
    public static string Write(string folder, string topic, double rate)
    {
        File.WriteAllText(Path.Combine(folder, "bench.yaml"), Card(topic, rate));
        File.WriteAllBytes(Path.Combine(folder, "bench.onnx"), Model());
        File.WriteAllLines(Path.Combine(folder, "bench.vocab.txt"), Vocabulary);
        return Path.Combine(folder, "bench.yaml");
    }
}
