using PhysicalAI.Cli.Commands.Bench;

namespace PhysicalAI.Cli.Tests.Bench;

public class WindowStatsTests
{
    [Test]
    public void MedianAfter_LeavesOutTheWarmupWindows()
    {
        // The warm-up's slow windows would pull an odd-count median up; left out, they don't count at all.
        double[] windows = [90, 85, 80, 70, 71, 69];
        Assert.That(WindowStats.MedianAfter(windows, 3), Is.EqualTo(70));
        Assert.That(WindowStats.MedianAfter(windows, 0), Is.EqualTo(75.5));
    }

    [Test]
    public void MedianAfter_KeepsTheLastWindow_WhenTheRunWasShorterThanItsWarmup()
    {
        Assert.That(WindowStats.MedianAfter([90, 85], 3), Is.EqualTo(85));
        Assert.That(WindowStats.MedianAfter([], 3), Is.NaN);
    }

    [Test]
    public void Median_OfAnEvenCountIsTheMeanOfTheMiddleTwo_AndLeavesOutNaN()
    {
        Assert.That(WindowStats.Median([4, 1, double.NaN, 3, 2]), Is.EqualTo(2.5));
        Assert.That(WindowStats.Median([double.NaN]), Is.NaN);
    }
}
