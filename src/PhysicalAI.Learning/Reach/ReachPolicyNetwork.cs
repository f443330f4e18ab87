using PhysicalAI.Learning.Layers;

namespace PhysicalAI.Learning.Reach;

/// <summary>
/// The reference visuomotor policy: the camera image through two ReLU convolutions and a 1x1 keypoint
/// convolution to spatial-softmax keypoints (where things are); the instruction as the masked mean of its
/// token embeddings (which thing), which also sets the weights of a few more keypoint maps over the same
/// features (where the named thing is); the normalized joint state (where the arm is); all concatenated
/// into a two-layer ReLU MLP whose head is the action chunk, horizon × joints, in normalized units.
/// </summary>
public sealed class ReachPolicyNetwork
{
    /// <summary>A network of <paramref name="architecture"/> over a vocabulary of <paramref name="vocabulary"/> tokens, initialized from <paramref name="seed"/>.</summary>
    public ReachPolicyNetwork(ReachPolicyArchitecture architecture, int vocabulary, int seed)
    {
        Architecture = architecture;
        ReachPolicyArchitecture a = architecture;
        Conv1 = new Conv2d("conv1", 3, a.Conv1Channels, 5, 2, 2, a.ImageHeight, a.ImageWidth);
        Conv2 = new Conv2d("conv2", a.Conv1Channels, a.Conv2Channels, 3, 1, 1, Conv1.OutHeight, Conv1.OutWidth);
        Conv3 = new Conv2d("keypoints", a.Conv2Channels, a.Keypoints, 1, 1, 0, Conv2.OutHeight, Conv2.OutWidth);
        Softmax = new SpatialSoftmax(a.Keypoints, Conv3.OutHeight, Conv3.OutWidth);
        Embedding = new MaskedMeanEmbedding("embedding", vocabulary, a.EmbeddingDimensions);
        Instructed = new ConditionedPointwiseMaps("instructed_keypoints", a.EmbeddingDimensions, a.Conv2Channels, a.InstructedKeypoints, Conv2.OutHeight * Conv2.OutWidth);
        InstructedSoftmax = new SpatialSoftmax(a.InstructedKeypoints, Conv2.OutHeight, Conv2.OutWidth);
        Fc1 = new Linear("fc1", Softmax.OutputLength + InstructedSoftmax.OutputLength + a.EmbeddingDimensions + a.StateLength, a.Hidden);
        Fc2 = new Linear("fc2", a.Hidden, a.Hidden);
        Head = new Linear("head", a.Hidden, a.ActionLength);
        Parameters = [Conv1.Weight, Conv1.Bias, Conv2.Weight, Conv2.Bias, Conv3.Weight, Conv3.Bias, Embedding.Table, Fc1.Weight, Fc1.Bias, Fc2.Weight, Fc2.Bias, Head.Weight, Head.Bias, Instructed.Weights.Weight, Instructed.Weights.Bias];

        var random = new Random(seed);
        Conv1.Initialize(random);
        Conv2.Initialize(random);
        Conv3.Initialize(random);
        Embedding.Initialize(random);
        Fc1.Initialize(random);
        Fc2.Initialize(random);

        // A small head starts every chunk near the mean action, so early steps do not chase noise.
        Head.Initialize(random, 0.1);
        Instructed.Initialize(random);
    }

    public ReachPolicyArchitecture Architecture { get; }

    public Conv2d Conv1 { get; }

    public Conv2d Conv2 { get; }

    public Conv2d Conv3 { get; }

    public SpatialSoftmax Softmax { get; }

    public MaskedMeanEmbedding Embedding { get; }

    public ConditionedPointwiseMaps Instructed { get; }

    public SpatialSoftmax InstructedSoftmax { get; }

    public Linear Fc1 { get; }

    public Linear Fc2 { get; }

    public Linear Head { get; }

    /// <summary>Every trainable tensor, in a fixed order (the order of a workspace's gradients).</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Trainable values.</summary>
    public long ParameterCount => Parameters.Sum(p => (long)p.Length);

    /// <summary>Activation and gradient buffers for one worker.</summary>
    public ReachPolicyWorkspace CreateWorkspace() => new(this);

    /// <summary>
    /// The chunk for one sample into <see cref="ReachPolicyWorkspace.Output"/>: <paramref name="image"/> as the
    /// card's preprocessing makes it (NCHW), token ids and mask as the tokenizer writes them, the normalized state.
    /// </summary>
    public void Forward(ReadOnlySpan<float> image, ReadOnlySpan<long> ids, ReadOnlySpan<long> mask, ReadOnlySpan<float> state, ReachPolicyWorkspace w)
    {
        Conv1.Forward(image, w.Conv1, w.Columns1);
        Relu.Forward(w.Conv1);
        Conv2.Forward(w.Conv1, w.Conv2, w.Columns2);
        Relu.Forward(w.Conv2);
        Conv3.Forward(w.Conv2, w.Logits, w.Columns3);
        Span<float> features = w.Features;
        int keypoints = Softmax.OutputLength, instructed = InstructedSoftmax.OutputLength, embedding = Embedding.Dimensions;
        Softmax.Forward(w.Logits, w.Probabilities, features[..keypoints]);
        Span<float> pooled = features.Slice(keypoints + instructed, embedding);
        Embedding.Forward(ids, mask, pooled);
        Instructed.Forward(w.Conv2, pooled, w.Gains, w.InstructedMaps);
        InstructedSoftmax.Forward(w.InstructedMaps, w.InstructedProbabilities, features.Slice(keypoints, instructed));
        state.CopyTo(features[(keypoints + instructed + embedding)..]);
        Fc1.Forward(features, w.Hidden1);
        Relu.Forward(w.Hidden1);
        Fc2.Forward(w.Hidden1, w.Hidden2);
        Relu.Forward(w.Hidden2);
        Head.Forward(w.Hidden2, w.Output);
    }

    /// <summary>Adds the gradients of the last <see cref="Forward"/> (same workspace, same ids and mask) for <see cref="ReachPolicyWorkspace.OutputGradient"/> to the workspace's gradients.</summary>
    public void Backward(ReadOnlySpan<long> ids, ReadOnlySpan<long> mask, ReachPolicyWorkspace w)
    {
        float[][] g = w.Gradients;
        Head.Backward(w.Hidden2, w.OutputGradient, g[11], g[12], w.Hidden2Gradient);
        Relu.Backward(w.Hidden2, w.Hidden2Gradient);
        Fc2.Backward(w.Hidden1, w.Hidden2Gradient, g[9], g[10], w.Hidden1Gradient);
        Relu.Backward(w.Hidden1, w.Hidden1Gradient);
        Fc1.Backward(w.Features, w.Hidden1Gradient, g[7], g[8], w.FeatureGradient);
        int keypoints = Softmax.OutputLength, instructed = InstructedSoftmax.OutputLength, embedding = Embedding.Dimensions;
        Span<float> pooledGradient = w.FeatureGradient.AsSpan(keypoints + instructed, embedding);
        Softmax.Backward(w.Probabilities, w.FeatureGradient.AsSpan(0, keypoints), w.LogitGradient);
        Conv3.Backward(w.Columns3, w.LogitGradient, g[4], g[5], w.Conv2Gradient, w.ColumnGradient.AsSpan(0, Conv3.ColumnLength));
        InstructedSoftmax.Backward(w.InstructedProbabilities, w.FeatureGradient.AsSpan(keypoints, instructed), w.InstructedMapGradient);
        Instructed.Backward(
            w.Conv2, w.Features.AsSpan(keypoints + instructed, embedding), w.Gains, w.InstructedMapGradient,
            w.Conv2Gradient, pooledGradient, g[13], g[14], w.GainGradient, w.PooledScratch);
        Embedding.Backward(ids, mask, pooledGradient, g[6]);
        Relu.Backward(w.Conv2, w.Conv2Gradient);
        Conv2.Backward(w.Columns2, w.Conv2Gradient, g[2], g[3], w.Conv1Gradient, w.ColumnGradient.AsSpan(0, Conv2.ColumnLength));
        Relu.Backward(w.Conv1, w.Conv1Gradient);
        Conv1.Backward(w.Columns1, w.Conv1Gradient, g[0], g[1], [], []);
    }
}
