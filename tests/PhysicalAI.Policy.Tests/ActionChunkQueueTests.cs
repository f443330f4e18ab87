using PhysicalAI.Policy.Actions;

namespace PhysicalAI.Policy.Tests;

public class ActionChunkQueueTests
{
    private static double[] Chunk(params double[] actions) => actions;

    private static List<double> Drain(ActionChunkQueue queue)
    {
        var popped = new List<double>();
        var a = new double[1];
        while (queue.TryPop(a))
        {
            popped.Add(a[0]);
        }

        return popped;
    }

    [Test]
    public void WithoutBlending_ANewChunkReplacesTheQueue_FromTheNextStep()
    {
        var q = new ActionChunkQueue(1, 16, ChunkBlending.None, 0, refillThreshold: 2);
        q.Push(Chunk(1, 2, 3, 4), 4, firstStep: 0);
        var a = new double[1];
        q.TryPop(a);
        q.TryPop(a);

        // Computed from the observation at step 1; step 1 has been executed since, so it starts at its second action.
        q.Push(Chunk(10, 20, 30), 3, firstStep: 1);
        Assert.That(Drain(q), Is.EqualTo(new[] { 20.0, 30.0 }));
    }

    [Test]
    public void WeightedOverlap_BlendsOldAndNewWhereTheyOverlap()
    {
        var q = new ActionChunkQueue(1, 16, ChunkBlending.WeightedOverlap, 0.7, refillThreshold: 1);
        q.Push(Chunk(1, 1, 1, 1), 4, 0);
        q.Push(Chunk(2, 2, 2, 2, 2, 2), 6, 0);
        Assert.That(Drain(q), Is.EqualTo(new[] { 1.7, 1.7, 1.7, 1.7, 2.0, 2.0 }).Within(1e-12), "0.3 × old + 0.7 × new, then the new chunk alone");
    }

    [Test]
    public void TemporalEnsemble_WeighsTheIthOldestPredictionByExpMinusMTimesI()
    {
        const double m = 0.5;
        var q = new ActionChunkQueue(1, 16, ChunkBlending.TemporalEnsemble, m, refillThreshold: 1);
        q.Push(Chunk(0, 0, 0), 3, 0);
        q.Push(Chunk(1, 1, 1), 3, 0);
        var first = new double[1];
        q.TryPop(first);
        q.Push(Chunk(4, 4), 2, 1);
        double w0 = 1, w1 = Math.Exp(-m), w2 = Math.Exp(-2 * m);
        double step0 = ((0 * w0) + (1 * w1)) / (w0 + w1);
        double later = ((0 * w0) + (1 * w1) + (4 * w2)) / (w0 + w1 + w2);
        Assert.Multiple(() =>
        {
            Assert.That(first[0], Is.EqualTo(step0).Within(1e-12), "two predictions for step 0");
            Assert.That(Drain(q), Is.EqualTo(new[] { later, later }).Within(1e-12), "three for steps 1 and 2");
        });
    }

    [Test]
    public void RefillIsAsked_AtTheThreshold_AndFlushEmptiesTheQueue()
    {
        var q = new ActionChunkQueue(2, 8, ChunkBlending.None, 0, refillThreshold: 2);
        Assert.That(q.NeedsRefill, Is.True);
        q.Push([0, 0, 1, 1, 2, 2, 3, 3], 4, 0);
        Assert.That(q.NeedsRefill, Is.False);
        var a = new double[2];
        q.TryPop(a);
        q.TryPop(a);
        Assert.Multiple(() =>
        {
            Assert.That(q.NeedsRefill, Is.True, "two left: time to compute the next chunk");
            Assert.That(a, Is.EqualTo(new[] { 1.0, 1.0 }));
        });
        q.Flush();
        Assert.That(q.TryPop(a), Is.False);
    }

    [Test]
    public void AChunkThatStartsInTheFuture_IsRefused()
    {
        var q = new ActionChunkQueue(1, 4, ChunkBlending.None, 0, 1);
        Assert.That(() => q.Push([1.0], 1, firstStep: 3), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.StartsWith("a chunk must start at or before the next step (0)"));
    }
}
