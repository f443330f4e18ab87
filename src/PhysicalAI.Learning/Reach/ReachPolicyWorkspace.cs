namespace PhysicalAI.Learning.Reach;

/// <summary>
/// One worker's activations and gradient scratch for a sample's forward and backward pass through a
/// <see cref="ReachPolicyNetwork"/>, and its accumulated parameter gradients. Allocated once per worker, so
/// training allocates nothing per sample.
/// </summary>
public sealed class ReachPolicyWorkspace
{
    internal ReachPolicyWorkspace(ReachPolicyNetwork network)
    {
        Columns1 = new float[network.Conv1.ColumnLength];
        Conv1 = new float[network.Conv1.OutputLength];
        Columns2 = new float[network.Conv2.ColumnLength];
        Conv2 = new float[network.Conv2.OutputLength];
        Columns3 = new float[network.Conv3.ColumnLength];
        Logits = new float[network.Conv3.OutputLength];
        Probabilities = new float[network.Conv3.OutputLength];
        Gains = new float[network.Instructed.GainLength];
        InstructedMaps = new float[network.Instructed.OutputLength];
        InstructedProbabilities = new float[network.Instructed.OutputLength];
        InstructedMapGradient = new float[network.Instructed.OutputLength];
        GainGradient = new float[network.Instructed.GainLength];
        PooledScratch = new float[network.Embedding.Dimensions];
        Features = new float[network.Fc1.Inputs];
        Hidden1 = new float[network.Fc1.Outputs];
        Hidden2 = new float[network.Fc2.Outputs];
        Output = new float[network.Head.Outputs];
        OutputGradient = new float[network.Head.Outputs];
        Hidden2Gradient = new float[network.Fc2.Outputs];
        Hidden1Gradient = new float[network.Fc1.Outputs];
        FeatureGradient = new float[network.Fc1.Inputs];
        LogitGradient = new float[network.Conv3.OutputLength];
        Conv2Gradient = new float[network.Conv2.OutputLength];
        Conv1Gradient = new float[network.Conv1.OutputLength];
        ColumnGradient = new float[Math.Max(network.Conv2.ColumnLength, network.Conv3.ColumnLength)];
        Gradients = [.. network.Parameters.Select(p => new float[p.Length])];
    }

    internal float[] Columns1 { get; }

    internal float[] Conv1 { get; }

    internal float[] Columns2 { get; }

    internal float[] Conv2 { get; }

    internal float[] Columns3 { get; }

    internal float[] Logits { get; }

    internal float[] Probabilities { get; }

    internal float[] Gains { get; }

    internal float[] InstructedMaps { get; }

    internal float[] InstructedProbabilities { get; }

    internal float[] InstructedMapGradient { get; }

    internal float[] GainGradient { get; }

    internal float[] PooledScratch { get; }

    /// <summary>Keypoints, instructed keypoints, pooled instruction embedding and normalized state, concatenated.</summary>
    internal float[] Features { get; }

    internal float[] Hidden1 { get; }

    internal float[] Hidden2 { get; }

    /// <summary>The last forward pass's chunk (normalized units), horizon rows of joints.</summary>
    public float[] Output { get; }

    /// <summary>d loss / d output; the caller fills it before <see cref="ReachPolicyNetwork.Backward"/>.</summary>
    public float[] OutputGradient { get; }

    internal float[] Hidden2Gradient { get; }

    internal float[] Hidden1Gradient { get; }

    internal float[] FeatureGradient { get; }

    internal float[] LogitGradient { get; }

    internal float[] Conv2Gradient { get; }

    internal float[] Conv1Gradient { get; }

    internal float[] ColumnGradient { get; }

    /// <summary>Accumulated gradients, one array per <see cref="ReachPolicyNetwork.Parameters"/> entry.</summary>
    public float[][] Gradients { get; }

    /// <summary>Zeroes the accumulated gradients.</summary>
    public void ClearGradients()
    {
        foreach (float[] g in Gradients)
        {
            Array.Clear(g);
        }
    }
}
