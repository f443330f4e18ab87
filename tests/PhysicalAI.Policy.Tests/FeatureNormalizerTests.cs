using PhysicalAI.Policy.Normalization;

namespace PhysicalAI.Policy.Tests;

public class FeatureNormalizerTests
{
    [Test]
    public void MeanStd_MinMax_AndQuantiles_MapTheirStatisticsAsTheirDefinitionsSay()
    {
        FeatureNormalizer meanStd = FeatureNormalizer.Create(NormalizationKind.MeanStd, [1.0, -2.0], [0.5, 4.0]);
        FeatureNormalizer minMax = FeatureNormalizer.Create(NormalizationKind.MinMax, [-1.0, 0.0], [3.0, 10.0]);
        FeatureNormalizer quantiles = FeatureNormalizer.Create(NormalizationKind.Quantiles, [0.1, -5.0], [0.9, 5.0]);
        var model = new float[2];
        meanStd.Normalize([2.0, 2.0], model);
        Assert.That(model, Is.EqualTo(new[] { 2f, 1f }));
        minMax.Normalize([-1.0, 10.0], model);
        Assert.That(model, Is.EqualTo(new[] { -1f, 1f }), "min → −1, max → +1");
        quantiles.Normalize([0.5, -5.0], model);
        Assert.That(model, Is.EqualTo(new[] { 0f, -1f }).Within(1e-6), "the middle of [q01, q99] → 0, q01 → −1");
    }

    [TestCase(NormalizationKind.MeanStd)]
    [TestCase(NormalizationKind.MinMax)]
    [TestCase(NormalizationKind.Quantiles)]
    public void Unnormalize_UndoesNormalize(NormalizationKind kind)
    {
        FeatureNormalizer n = FeatureNormalizer.Create(kind, [0.2, -1.0, 3.0], [0.8, 2.0, 7.5]);
        double[] values = [0.37, -0.4, 5.1];
        var model = new float[3];
        var back = new double[3];
        n.Normalize(values, model);
        n.Unnormalize(model, back);
        Assert.That(back, Is.EqualTo(values).Within(1e-6));
    }

    [Test]
    public void AZeroSpread_IsPassedThroughCentred_NotDividedByZero()
    {
        FeatureNormalizer n = FeatureNormalizer.Create(NormalizationKind.MinMax, [2.0], [2.0]);
        var model = new float[1];
        n.Normalize([2.0], model);
        Assert.That(model[0], Is.Zero);
    }

    [Test]
    public void BadStatistics_AreClearErrors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => FeatureNormalizer.Create(NormalizationKind.MeanStd, [1.0, 2.0], [1.0]),
                Throws.ArgumentException.With.Message.EqualTo("MeanStd statistics need one pair per dimension: got 2 and 1 values"));
            Assert.That(() => FeatureNormalizer.Create(NormalizationKind.MinMax, [1.0], [double.NaN]),
                Throws.ArgumentException.With.Message.EqualTo("MinMax statistics of dimension 0 are not finite (1, NaN)"));
            Assert.That(() => FeatureNormalizer.Create(NormalizationKind.Quantiles, [1.0], [0.0]),
                Throws.ArgumentException.With.Message.EqualTo("Quantiles statistics of dimension 0: the spread is negative (1, 0)"));
        });
    }
}
