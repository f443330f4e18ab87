using System.Globalization;
using System.Text;
using PhysicalAI.Learning.Reach;
using PhysicalAI.Learning.Training;
using PhysicalAI.Onnx;
using PhysicalAI.Policy.Imaging;

namespace PhysicalAI.Learning.Export;

/// <summary>
/// Writes a trained <see cref="ReachPolicyNetwork"/> the way any exported policy ships: an ONNX graph of
/// standard operators (Conv, Relu, Softmax, MatMul, Gather, Cast, ReduceSum, Max, Div, Concat, Gemm,
/// Reshape), a policy card with its inputs, normalization statistics and action meaning, and the word
/// vocabulary its instruction input is tokenized with.
/// </summary>
public static class ReachPolicyExporter
{
    public const string ImageInput = "image";
    public const string StateInput = "state";
    public const string IdsInput = "instruction_ids";
    public const string MaskInput = "instruction_mask";
    public const string ActionOutput = "action";

    /// <summary>The files written for <paramref name="name"/>: model, card and vocabulary.</summary>
    public static (string Model, string Card, string Vocabulary) FileNames(string name) => ($"{name}.onnx", $"{name}.yaml", $"{name}.vocab.txt");

    /// <summary>Writes the three files into <paramref name="folder"/>; <paramref name="provenance"/> lines become the card's header comment. Returns the card's path.</summary>
    public static string Write(string folder, string name, ReachPolicyNetwork network, ReachNormalization normalization, IEnumerable<string> provenance)
    {
        Directory.CreateDirectory(folder);
        (string model, string card, string vocabulary) = FileNames(name);
        File.WriteAllBytes(Path.Combine(folder, model), ToOnnx(network, name));
        File.WriteAllLines(Path.Combine(folder, vocabulary), InstructionPhrasings.Vocabulary());
        string cardPath = Path.Combine(folder, card);
        File.WriteAllText(cardPath, Card(name, network.Architecture, normalization, provenance));
        return cardPath;
    }

    /// <summary>The network as an ONNX model (opset 17).</summary>
    public static byte[] ToOnnx(ReachPolicyNetwork network, string name)
    {
        ReachPolicyArchitecture a = network.Architecture;
        int keypoints = network.Conv3.OutChannels, plane = network.Conv3.OutHeight * network.Conv3.OutWidth, embedding = network.Embedding.Dimensions;
        var g = new OnnxGraphBuilder(name)
            .Input(ImageInput, OnnxElementType.Float, 1, 3, a.ImageHeight, a.ImageWidth)
            .Input(StateInput, OnnxElementType.Float, 1, a.StateLength)
            .Input(IdsInput, OnnxElementType.Int64, 1, a.MaxTokens)
            .Input(MaskInput, OnnxElementType.Int64, 1, a.MaxTokens);
        foreach (Parameter p in network.Parameters)
        {
            g.Initializer(p.Name, [.. p.Shape.Select(d => (long)d)], p.Value);
        }

        g.Initializer("keypoint_coordinates", [plane, 2], network.Softmax.Coordinates)
            .Initializer("keypoint_maps_shape", [3], [1L, keypoints, plane])
            .Initializer("keypoints_shape", [2], [1L, 2 * keypoints])
            .Initializer("mask_row_shape", [3], [1L, 1, a.MaxTokens])
            .Initializer("token_axis", [1], [1L])
            .Initializer("one", [1], [1f])
            .Initializer("instruction_shape", [2], [1L, embedding])
            .Initializer("chunk_shape", [3], [1L, a.Horizon, a.StateLength])
            .Initializer("instructed_gains_shape", [3], [1L, network.Instructed.Maps, network.Instructed.Channels])
            .Initializer("feature_maps_shape", [3], [1L, network.Instructed.Channels, network.Instructed.Pixels])
            .Initializer("instructed_keypoints_shape", [2], [1L, 2 * network.Instructed.Maps]);

        Conv(g, network.Conv1, ImageInput, "conv1.out");
        g.Node("Relu", ["conv1.out"], ["conv1.relu"]);
        Conv(g, network.Conv2, "conv1.relu", "conv2.out");
        g.Node("Relu", ["conv2.out"], ["conv2.relu"]);
        Conv(g, network.Conv3, "conv2.relu", "keypoint_logits");
        g.Node("Reshape", ["keypoint_logits", "keypoint_maps_shape"], ["keypoint_maps"])
            .Node("Softmax", ["keypoint_maps"], ["keypoint_probabilities"], ("axis", -1L))
            .Node("MatMul", ["keypoint_probabilities", "keypoint_coordinates"], ["keypoint_xy"])
            .Node("Reshape", ["keypoint_xy", "keypoints_shape"], ["keypoints"]);

        g.Node("Gather", [network.Embedding.Table.Name, IdsInput], ["token_embeddings"], ("axis", 0L))
            .Node("Cast", [MaskInput], ["mask_float"], ("to", (long)OnnxElementType.Float))
            .Node("Reshape", ["mask_float", "mask_row_shape"], ["mask_row"])
            .Node("MatMul", ["mask_row", "token_embeddings"], ["embedding_sum_row"])
            .Node("Reshape", ["embedding_sum_row", "instruction_shape"], ["embedding_sum"])
            .Node("ReduceSum", ["mask_float", "token_axis"], ["token_count"], ("keepdims", 1L))
            .Node("Max", ["token_count", "one"], ["token_count_at_least_one"])
            .Node("Div", ["embedding_sum", "token_count_at_least_one"], ["instruction"]);

        Gemm(g, network.Instructed.Weights, "instruction", "instructed_gains_flat");
        g.Node("Reshape", ["instructed_gains_flat", "instructed_gains_shape"], ["instructed_gains"])
            .Node("Reshape", ["conv2.relu", "feature_maps_shape"], ["feature_maps"])
            .Node("MatMul", ["instructed_gains", "feature_maps"], ["instructed_maps"])
            .Node("Softmax", ["instructed_maps"], ["instructed_probabilities"], ("axis", -1L))
            .Node("MatMul", ["instructed_probabilities", "keypoint_coordinates"], ["instructed_xy"])
            .Node("Reshape", ["instructed_xy", "instructed_keypoints_shape"], ["instructed_keypoints"]);

        g.Node("Concat", ["keypoints", "instructed_keypoints", "instruction", StateInput], ["features"], ("axis", 1L));
        Gemm(g, network.Fc1, "features", "fc1.out");
        g.Node("Relu", ["fc1.out"], ["fc1.relu"]);
        Gemm(g, network.Fc2, "fc1.relu", "fc2.out");
        g.Node("Relu", ["fc2.out"], ["fc2.relu"]);
        Gemm(g, network.Head, "fc2.relu", "chunk");
        g.Node("Reshape", ["chunk", "chunk_shape"], [ActionOutput]);
        return g.Output(ActionOutput, OnnxElementType.Float, 1, a.Horizon, a.StateLength).ToModel();
    }

    /// <summary>The policy card's YAML.</summary>
    public static string Card(string name, ReachPolicyArchitecture a, ReachNormalization n, IEnumerable<string> provenance)
    {
        ImageInputSpec image = a.ImageSpec;
        (string model, _, string vocabulary) = FileNames(name);
        string joints = $"[{string.Join(", ", a.Joints)}]";
        var card = new StringBuilder();
        foreach (string line in provenance)
        {
            card.Append("# ").AppendLine(line);
        }

        card.AppendLine(CultureInfo.InvariantCulture, $"name: {name}")
            .AppendLine(CultureInfo.InvariantCulture, $"graphs: {{model: {model}}}")
            .AppendLine(CultureInfo.InvariantCulture, $"control_rate: {Number(a.ControlRate)}")
            .AppendLine("images:")
            .AppendLine(CultureInfo.InvariantCulture, $"  - {{input: {ImageInput}, topic: /front_camera/image_raw, width: {image.Width}, height: {image.Height}, resize: stretch, layout: nchw, scale: {Number(image.Scale)}, mean: {List(image.Mean)}, std: {List(image.Std)}, max_age: 0.5}}")
            .AppendLine("state:")
            .AppendLine(CultureInfo.InvariantCulture, $"  input: {StateInput}")
            .AppendLine(CultureInfo.InvariantCulture, $"  joints: {joints}")
            .AppendLine("  max_age: 0.2")
            .AppendLine(CultureInfo.InvariantCulture, $"  normalization: {{kind: mean_std, mean: {List(n.StateMean)}, std: {List(n.StateStd)}}}")
            .AppendLine(CultureInfo.InvariantCulture, $"language: {{tokenizer: word_vocab, file: {vocabulary}, max_tokens: {a.MaxTokens}, pad_id: {InstructionPhrasings.PadId}, eos_id: {InstructionPhrasings.EosId}, ids_input: {IdsInput}, mask_input: {MaskInput}}}")
            .AppendLine("actions:")
            .AppendLine(CultureInfo.InvariantCulture, $"  output: {ActionOutput}")
            .AppendLine(CultureInfo.InvariantCulture, $"  horizon: {a.Horizon}")
            .AppendLine(CultureInfo.InvariantCulture, $"  dims: {a.StateLength}")
            .AppendLine("  meaning: delta")
            .AppendLine(CultureInfo.InvariantCulture, $"  joints: {joints}")
            .AppendLine(CultureInfo.InvariantCulture, $"  normalization: {{kind: mean_std, mean: {List(n.ActionMean)}, std: {List(n.ActionStd)}}}")
            .AppendLine("  blending: none")
            .AppendLine(CultureInfo.InvariantCulture, $"  refill_threshold: {a.Horizon - 1}");
        return card.ToString();
    }

    private static void Conv(OnnxGraphBuilder g, Layers.Conv2d conv, string input, string output) =>
        g.Node("Conv", [input, conv.Weight.Name, conv.Bias.Name], [output],
            ("kernel_shape", new long[] { conv.Kernel, conv.Kernel }),
            ("strides", new long[] { conv.Stride, conv.Stride }),
            ("pads", new long[] { conv.Padding, conv.Padding, conv.Padding, conv.Padding }));

    private static void Gemm(OnnxGraphBuilder g, Layers.Linear linear, string input, string output) =>
        g.Node("Gemm", [input, linear.Weight.Name, linear.Bias.Name], [output], ("transB", 1L));

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string List(IEnumerable<double> values) => $"[{string.Join(", ", values.Select(Number))}]";
}
