using PhysicalAI.Learning.Optimization;

namespace PhysicalAI.Learning.Tests;

public class AdamTests
{
    [Test]
    public void Adam_MinimizesAQuadratic()
    {
        var p = new Parameter("w", 3);
        float[] target = [1.5f, -2f, 0.25f];
        var adam = new Adam([p], learningRate: 0.05);
        var gradient = new float[3];
        for (int step = 0; step < 2000; step++)
        {
            for (int i = 0; i < 3; i++)
            {
                gradient[i] = 2 * (p.Value[i] - target[i]) * (i + 1);
            }

            adam.Step([gradient]);
        }

        Assert.That(p.Value, Is.EqualTo(target).Within(1e-3));
    }

    [Test]
    public void TheFirstStep_MovesEachWeightByTheLearningRate()
    {
        // Bias correction makes the first update ±α whatever the gradient's size.
        var p = new Parameter("w", 2);
        new Adam([p], learningRate: 0.01).Step([new[] { 1e-3f, -50f }]);
        Assert.That(p.Value, Is.EqualTo(new[] { -0.01f, 0.01f }).Within(1e-6));
    }
}
