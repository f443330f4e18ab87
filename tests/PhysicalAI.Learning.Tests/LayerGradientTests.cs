using PhysicalAI.Learning.Layers;
using PhysicalAI.Learning.Losses;

namespace PhysicalAI.Learning.Tests;

/// <summary>Every layer's backward pass against finite differences of its forward pass.</summary>
public class LayerGradientTests
{
    [TestCase(2, 3, 5, 2, 2, 9, 8)]
    [TestCase(3, 4, 3, 1, 1, 6, 7)]
    [TestCase(4, 2, 1, 1, 0, 5, 5)]
    public void Conv2d_WeightBiasAndInputGradients_MatchFiniteDifferences(int inChannels, int outChannels, int kernel, int stride, int padding, int height, int width)
    {
        var random = new Random(1);
        var conv = new Conv2d("c", inChannels, outChannels, kernel, stride, padding, height, width);
        conv.Initialize(random);
        GradientCheck.Random(random, conv.Bias.Length, 0.3).CopyTo(conv.Bias.Value, 0);
        float[] input = GradientCheck.Random(random, conv.InputLength);
        float[] r = GradientCheck.Random(random, conv.OutputLength);
        var output = new float[conv.OutputLength];
        var columns = new float[conv.ColumnLength];
        double Loss()
        {
            conv.Forward(input, output, columns);
            return GradientCheck.Project(output, r);
        }

        Loss();
        var dw = new float[conv.Weight.Length];
        var db = new float[conv.Bias.Length];
        var dx = new float[conv.InputLength];
        conv.Backward(columns, r, dw, db, dx, new float[conv.ColumnLength]);

        GradientCheck.Matches(conv.Weight.Value, dw, Loss, "weight");
        GradientCheck.Matches(conv.Bias.Value, db, Loss, "bias");
        GradientCheck.Matches(input, dx, Loss, "input");
    }

    [Test]
    public void Conv2d_MatchesADirectConvolution()
    {
        var random = new Random(2);
        var conv = new Conv2d("c", 2, 3, 3, 2, 1, 7, 6);
        conv.Initialize(random);
        float[] input = GradientCheck.Random(random, conv.InputLength);
        var output = new float[conv.OutputLength];
        conv.Forward(input, output, new float[conv.ColumnLength]);
        for (int o = 0; o < 3; o++)
        {
            for (int oy = 0; oy < conv.OutHeight; oy++)
            {
                for (int ox = 0; ox < conv.OutWidth; ox++)
                {
                    double sum = conv.Bias.Value[o];
                    for (int c = 0; c < 2; c++)
                    {
                        for (int ky = 0; ky < 3; ky++)
                        {
                            for (int kx = 0; kx < 3; kx++)
                            {
                                int iy = (oy * 2) - 1 + ky, ix = (ox * 2) - 1 + kx;
                                if (iy >= 0 && iy < 7 && ix >= 0 && ix < 6)
                                {
                                    sum += conv.Weight.Value[(((o * 2) + c) * 9) + (ky * 3) + kx] * input[(c * 42) + (iy * 6) + ix];
                                }
                            }
                        }
                    }

                    Assert.That(output[(o * conv.OutHeight * conv.OutWidth) + (oy * conv.OutWidth) + ox], Is.EqualTo(sum).Within(1e-5));
                }
            }
        }
    }

    [Test]
    public void Relu_GradientPassesWhereTheUnitIsOn()
    {
        var random = new Random(3);
        float[] input = GradientCheck.Random(random, 50);
        float[] r = GradientCheck.Random(random, 50);

        // Values within a step of the kink would make the difference quotient straddle it.
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = Math.Abs(input[i]) < 0.02f ? 0.5f : input[i];
        }

        var output = new float[50];
        double Loss()
        {
            input.CopyTo(output, 0);
            Relu.Forward(output);
            return GradientCheck.Project(output, r);
        }

        Loss();
        float[] gradient = [.. r];
        Relu.Backward(output, gradient);
        GradientCheck.Matches(input, gradient, Loss, "input", step: 1e-3);
    }

    [Test]
    public void SpatialSoftmax_LogitGradients_MatchFiniteDifferences()
    {
        var random = new Random(4);
        var softmax = new SpatialSoftmax(3, 5, 7);
        float[] logits = GradientCheck.Random(random, 3 * 35, 2);
        float[] r = GradientCheck.Random(random, softmax.OutputLength);
        var probabilities = new float[logits.Length];
        var output = new float[softmax.OutputLength];
        double Loss()
        {
            softmax.Forward(logits, probabilities, output);
            return GradientCheck.Project(output, r);
        }

        Loss();
        var gradient = new float[logits.Length];
        softmax.Backward(probabilities, r, gradient);
        GradientCheck.Matches(logits, gradient, Loss, "logits", step: 1e-2);
    }

    [Test]
    public void SpatialSoftmax_KeypointIsWhereTheMapPeaks()
    {
        var softmax = new SpatialSoftmax(1, 4, 8);
        var logits = new float[32];
        logits[(1 * 8) + 6] = 50;
        var output = new float[2];
        softmax.Forward(logits, new float[32], output);
        Assert.That(output, Is.EqualTo(new[] { ((2 * 6) + 1) / 8f - 1, ((2 * 1) + 1) / 4f - 1 }).Within(1e-4));
    }

    [Test]
    public void Linear_Gradients_MatchFiniteDifferences()
    {
        var random = new Random(5);
        var linear = new Linear("l", 7, 4);
        linear.Initialize(random);
        GradientCheck.Random(random, 4, 0.5).CopyTo(linear.Bias.Value, 0);
        float[] input = GradientCheck.Random(random, 7);
        float[] r = GradientCheck.Random(random, 4);
        var output = new float[4];
        double Loss()
        {
            linear.Forward(input, output);
            return GradientCheck.Project(output, r);
        }

        Loss();
        var dw = new float[linear.Weight.Length];
        var db = new float[4];
        var dx = new float[7];
        linear.Backward(input, r, dw, db, dx);
        GradientCheck.Matches(linear.Weight.Value, dw, Loss, "weight");
        GradientCheck.Matches(linear.Bias.Value, db, Loss, "bias");
        GradientCheck.Matches(input, dx, Loss, "input");
    }

    [Test]
    public void MaskedMeanEmbedding_TableGradient_MatchesFiniteDifferences_AndIgnoresPadding()
    {
        var random = new Random(6);
        var embedding = new MaskedMeanEmbedding("e", 6, 3);
        embedding.Initialize(random);
        long[] ids = [3, 1, 3, 5, 0, 0];
        long[] mask = [1, 1, 1, 1, 0, 0];
        float[] r = GradientCheck.Random(random, 3);
        var output = new float[3];
        double Loss()
        {
            embedding.Forward(ids, mask, output);
            return GradientCheck.Project(output, r);
        }

        Loss();
        var gradient = new float[embedding.Table.Length];
        embedding.Backward(ids, mask, r, gradient);
        GradientCheck.Matches(embedding.Table.Value, gradient, Loss, "table");
        Assert.That(gradient.AsSpan(0, 3).ToArray(), Is.All.Zero, "id 0 appears only as padding");
        Assert.That(output[0], Is.EqualTo((embedding.Table.Value[9] * 2 + embedding.Table.Value[3] + embedding.Table.Value[15]) / 4).Within(1e-6));
    }

    [Test]
    public void ConditionedPointwiseMaps_FeatureConditionAndWeightGradients_MatchFiniteDifferences()
    {
        var random = new Random(8);
        var layer = new ConditionedPointwiseMaps("m", 3, 4, 2, 10);
        layer.Initialize(random);
        GradientCheck.Random(random, layer.Weights.Bias.Length, 0.3).CopyTo(layer.Weights.Bias.Value, 0);
        float[] features = GradientCheck.Random(random, 4 * 10);
        float[] condition = GradientCheck.Random(random, 3);
        float[] r = GradientCheck.Random(random, layer.OutputLength);
        var gains = new float[layer.GainLength];
        var output = new float[layer.OutputLength];
        double Loss()
        {
            layer.Forward(features, condition, gains, output);
            return GradientCheck.Project(output, r);
        }

        Loss();
        var df = new float[features.Length];
        var dc = new float[3];
        var dw = new float[layer.Weights.Weight.Length];
        var db = new float[layer.Weights.Bias.Length];
        layer.Backward(features, condition, gains, r, df, dc, dw, db, new float[layer.GainLength], new float[3]);
        GradientCheck.Matches(features, df, Loss, "features");
        GradientCheck.Matches(condition, dc, Loss, "condition");
        GradientCheck.Matches(layer.Weights.Weight.Value, dw, Loss, "weight");
        GradientCheck.Matches(layer.Weights.Bias.Value, db, Loss, "bias");
    }

    [TestCase(RegressionLoss.Mse)]
    [TestCase(RegressionLoss.L1)]
    public void Losses_Gradients_MatchFiniteDifferences(RegressionLoss kind)
    {
        var random = new Random(7);
        float[] prediction = GradientCheck.Random(random, 12);
        float[] target = GradientCheck.Random(random, 12);

        // L1 has a kink at equality; keep every error clear of it.
        for (int i = 0; i < 12; i++)
        {
            target[i] = Math.Abs(prediction[i] - target[i]) < 0.05f ? prediction[i] + 0.3f : target[i];
        }

        var gradient = new float[12];
        double Loss() => RegressionLosses.Evaluate(kind, prediction, target, new float[12]);
        RegressionLosses.Evaluate(kind, prediction, target, gradient);
        GradientCheck.Matches(prediction, gradient, Loss, kind.ToString(), step: 1e-3);
    }
}
