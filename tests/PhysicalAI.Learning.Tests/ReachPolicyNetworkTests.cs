using PhysicalAI.Learning.Reach;

namespace PhysicalAI.Learning.Tests;

/// <summary>The whole network's backward pass, layer to layer, against finite differences of its output.</summary>
public class ReachPolicyNetworkTests
{
    internal static readonly ReachPolicyArchitecture Small = new()
    {
        ImageWidth = 12,
        ImageHeight = 10,
        Conv1Channels = 3,
        Conv2Channels = 4,
        Keypoints = 3,
        MaxTokens = 5,
        EmbeddingDimensions = 4,
        Hidden = 8,
        Horizon = 2,
        Joints = ["a", "b"],
    };

    [Test]
    public void EveryParameterGradient_MatchesFiniteDifferences()
    {
        var random = new Random(11);
        var network = new ReachPolicyNetwork(Small, 7, seed: 3);

        // Larger head weights than the training start, so every path carries gradient worth measuring.
        network.Head.Initialize(random);
        float[] image = GradientCheck.Random(random, Small.ImageLength);
        long[] ids = [4, 2, 6, 1, 0];
        long[] mask = [1, 1, 1, 1, 0];
        float[] state = GradientCheck.Random(random, Small.StateLength);
        float[] r = GradientCheck.Random(random, Small.ActionLength);
        ReachPolicyWorkspace workspace = network.CreateWorkspace();
        double Loss()
        {
            network.Forward(image, ids, mask, state, workspace);
            return GradientCheck.Project(workspace.Output, r);
        }

        Loss();
        r.CopyTo(workspace.OutputGradient, 0);
        workspace.ClearGradients();
        network.Backward(ids, mask, workspace);
        for (int p = 0; p < network.Parameters.Count; p++)
        {
            // Leaky spots of ReLUs near zero can make single entries disagree; a step of 1e-3 keeps those rare.
            GradientCheck.Matches(network.Parameters[p].Value, workspace.Gradients[p], Loss, network.Parameters[p].Name, step: 1e-3, tolerance: 3e-2);
        }
    }

    [Test]
    public void TheSameSeed_GivesTheSameWeights_AndAnotherSeedDifferent()
    {
        var a = new ReachPolicyNetwork(Small, 7, seed: 5);
        var b = new ReachPolicyNetwork(Small, 7, seed: 5);
        var c = new ReachPolicyNetwork(Small, 7, seed: 6);
        Assert.That(a.Fc1.Weight.Value, Is.EqualTo(b.Fc1.Weight.Value));
        Assert.That(a.Fc1.Weight.Value, Is.Not.EqualTo(c.Fc1.Weight.Value));
    }
}
