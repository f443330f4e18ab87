namespace PhysicalAI.Safety.Tests;

/// <summary>Action chunks: validated whole before any of it runs, played smoothly, stretched or rejected when too fast.</summary>
public class ActionChunkTests
{
    private static string? Send(TestArm arm, string[] names, double[] times, double[] positions) =>
        arm.Controller.OnPolicyChunk(names, times, positions, arm.Now);

    [TestCase(new[] { "a" }, new[] { 0.1, 0.1 }, new[] { 0.01, 0.02 }, "point 1: time_from_start 0.1 s must be finite, non-negative and after the previous point's")]
    [TestCase(new[] { "a" }, new[] { 0.1, 0.2 }, new[] { 0.01, double.NaN }, "point 1: a is NaN")]
    [TestCase(new[] { "b" }, new[] { 0.5 }, new[] { 1.5 }, "point 0: b at 1.5 is outside its position limits [-1, 1]")]
    [TestCase(new[] { "a" }, new[] { 0.5 }, new[] { 0.3 }, "the first point moves a 0.3 from where it is; at most 0.1 is accepted (max_start_jump)")]
    [TestCase(new[] { "z" }, new[] { 0.5 }, new[] { 0.0 }, "unknown joint 'z'")]
    [TestCase(new[] { "a", "b" }, new[] { 0.5 }, new[] { 0.0 }, "1 positions for 1 points of 2 joints")]
    [TestCase(new[] { "a" }, new double[0], new double[0], "the chunk has no points")]
    public void BadChunks_AreRejectedWithTheReason_AndTheArmStaysPut(string[] names, double[] times, double[] positions, string reason)
    {
        var arm = new TestArm();
        arm.Run(10);
        string? rejected = Send(arm, names, times, positions);
        arm.Run(100);
        Assert.Multiple(() =>
        {
            Assert.That(rejected, Is.EqualTo($"policy chunk rejected: {reason}"));
            Assert.That(arm.Setpoint, Is.EqualTo(new[] { 0.0, 0.0, 0.0 }));
            Assert.That(arm.Controller.Status.RejectedCommands, Is.EqualTo(1));
        });
    }

    [Test]
    public void AChunkFasterThanTheLimits_IsRejected_WhenTimingMayNotStretch()
    {
        var arm = new TestArm(new SafetyControllerOptions { StartEnabled = true, ChunkTiming = ChunkTiming.Reject });
        string? rejected = Send(arm, ["a"], [0.05, 0.1], [0.05, 0.5]);
        Assert.That(rejected, Is.EqualTo("policy chunk rejected: too fast: a needs 9 between points 0 and 1; its limit is 1"));
    }

    [Test]
    public void AChunkFasterThanTheLimits_IsStretched_AndPlayedToItsEnd()
    {
        var arm = new TestArm();
        string? accepted = Send(arm, ["a", "c"], [0.05, 0.1, 0.2], [0.05, 0.0, 0.5, 0.2, 0.8, 0.4]);
        double[] first = [];
        arm.Run(2000, () =>
        {
            if (first.Length == 0 && arm.Now > 0.05)
            {
                first = arm.Setpoint;
            }
        });
        Assert.Multiple(() =>
        {
            Assert.That(accepted, Is.Null);
            Assert.That(arm.Setpoint, Is.EqualTo(new[] { 0.8, 0.0, 0.4 }).Within(1e-3), "settles on the last point; b, left out, holds");
            Assert.That(arm.Controller.ActiveSource, Is.EqualTo(CommandSource.Hold), "holds after the chunk");
            Assert.That(arm.Controller.Status.WatchdogStops, Is.Zero, "a chunk played to its end is not a violation");
        });
    }

    [Test]
    public void StretchedTiming_KeepsEveryStepWithinTheVelocityLimit()
    {
        var chunk = new ActionChunk(3, 16);
        var validator = new ActionChunkValidator(new JointNameMap(TestArm.Names), TestArm.Limits, new SafetyControllerOptions());
        string? reason = validator.Load(["a", "b"], [0.1, 0.2], [0.05, 0.05, 0.6, -0.5], [0, 0, 0], 0.5, 10, chunk);
        Assert.Multiple(() =>
        {
            Assert.That(reason, Is.Null);
            // a moves 0.55 in 0.1 s = 5.5 rad/s against 1 × 0.5 = 0.5 rad/s: 11 times slower.
            Assert.That(chunk.TimeScale, Is.EqualTo(11).Within(1e-9));
            Assert.That(chunk.Duration, Is.EqualTo(0.2 * 11).Within(1e-9));
            Assert.That(chunk.Count, Is.EqualTo(3), "the present targets are the first waypoint when the chunk starts after 0 s");
        });

        var sampled = new double[3];
        chunk.Sample(10 + (0.15 * 11), sampled);
        Assert.That(sampled, Is.EqualTo(new[] { 0.325, -0.225, 0.0 }).Within(1e-9), "halfway between the two points");
    }

    [Test]
    public void AChunk_NeverResumesAfterTeleopHasTakenOver()
    {
        var arm = new TestArm();
        Assert.That(Send(arm, ["a"], [0.1, 3.0], [0.05, 1.5]), Is.Null);
        arm.Run(100);
        arm.Run(200, () => arm.Controller.OnTeleopSetpoint(["a"], [0.0], arm.Now));
        double afterTeleop = arm.Setpoint[0];
        arm.Run(500);
        Assert.Multiple(() =>
        {
            Assert.That(arm.Controller.ActiveSource, Is.EqualTo(CommandSource.Hold));
            Assert.That(Math.Abs(arm.Setpoint[0] - afterTeleop), Is.LessThan(0.05), "the chunk did not come back after teleop let go");
        });
    }

    [Test]
    public void NoChunkIsAccepted_AtSpeedScaleZero()
    {
        var arm = new TestArm();
        arm.Controller.Limiter.SpeedScale = 0;
        Assert.That(Send(arm, ["a"], [0.0, 0.5], [0.0, 0.05]), Is.EqualTo("policy chunk rejected: speed_scale is 0, so no motion is allowed"));
    }
}
