namespace PhysicalAI.Safety.Tests;

/// <summary>Every rule of the safety controller, one by one, on an ideal three-joint arm at 500 Hz.</summary>
public class SafetyControllerTests
{
    [Test]
    public void NothingIsCommanded_BeforeAJointState_OrWhileDisarmed()
    {
        var controller = new SafetyController(TestArm.Limits, new SafetyControllerOptions { StartEnabled = true });
        Assert.That(controller.Cycle(0.002), Is.False);
        Assert.That(controller.State, Is.EqualTo(SafetyState.WaitingForState));

        var disarmed = new TestArm(new SafetyControllerOptions { StartEnabled = false });
        Assert.Multiple(() =>
        {
            Assert.That(disarmed.Run(5), Is.False);
            Assert.That(disarmed.Controller.State, Is.EqualTo(SafetyState.Disabled));
        });
    }

    [Test]
    public void PolicySetpoint_NamesInAnyOrder_OmittedJointsHold()
    {
        var arm = new TestArm();
        arm.RunUntil(() => false, 2, () => arm.Controller.OnPolicySetpoint(["c", "a"], [0.5, -0.3], arm.Now));
        Assert.Multiple(() =>
        {
            Assert.That(arm.Setpoint[0], Is.EqualTo(-0.3).Within(1e-6), "a");
            Assert.That(arm.Setpoint[1], Is.EqualTo(0).Within(1e-12), "b, omitted, holds");
            Assert.That(arm.Setpoint[2], Is.EqualTo(0.5).Within(1e-6), "c");
            Assert.That(arm.Controller.ActiveSource, Is.EqualTo(CommandSource.Policy));
        });
    }

    [TestCase(new[] { "a", "x" }, new[] { 0.1, 0.2 }, "unknown joint 'x'")]
    [TestCase(new[] { "a", "a" }, new[] { 0.1, 0.2 }, "joint 'a' appears twice")]
    [TestCase(new[] { "a", "b" }, new[] { 0.1 }, "2 joint names but 1 values")]
    [TestCase(new string[0], new[] { 0.1, 0.2 }, "no joint names and 2 values")]
    [TestCase(new[] { "a", "b" }, new[] { 0.1, double.NaN }, "b is NaN")]
    [TestCase(new[] { "c" }, new[] { double.PositiveInfinity }, "c is Infinity")]
    public void MalformedCommands_AreRejectedAndCounted_AndTheArmHolds(string[] names, double[] positions, string reason)
    {
        var arm = new TestArm();
        arm.Run(10, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [0.2, 0.1, 0], arm.Now));
        string? rejected = arm.Controller.OnPolicySetpoint(names, positions, arm.Now);
        double[] before = arm.Setpoint;
        Assert.Multiple(() =>
        {
            Assert.That(rejected, Does.Contain(reason));
            Assert.That(arm.Controller.Status.RejectedCommands, Is.EqualTo(1));
            Assert.That(arm.Controller.Status.LastViolation, Is.EqualTo(rejected));
        });

        // The previous good command stays in force (it is still fresh for this cycle).
        arm.Run(1);
        Assert.That(arm.Setpoint[2], Is.EqualTo(before[2]).Within(1e-3));
    }

    [Test]
    public void Watchdog_StopsTheArmWithinTheCommandTimeoutPlusTheStoppingTime_AndFreshCommandsResume()
    {
        var arm = new TestArm();
        arm.Run(300, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [1.5, -0.8, 2.5], arm.Now));
        Assert.That(arm.Controller.Limiter.IsAtRest, Is.False, "moving when the policy goes quiet");

        double quiet = arm.Now;
        double promise = arm.Options.CommandTimeout + arm.Controller.Limiter.StoppingTime(LimiterMode.Stop) + arm.Options.Period;
        arm.RunUntil(() => arm.Controller.State == SafetyState.Stopping, 1);
        arm.RunUntil(() => arm.Controller.Limiter.IsAtRest, 5);
        TestContext.Out.WriteLine($"at rest {arm.Now - quiet:0.000} s after the last command; promised {promise:0.000} s");
        Assert.Multiple(() =>
        {
            Assert.That(arm.Now - quiet, Is.LessThanOrEqualTo(promise + 1e-9));
            Assert.That(arm.Controller.Status.WatchdogStops, Is.EqualTo(1));
            Assert.That(arm.Controller.ActiveSource, Is.EqualTo(CommandSource.Hold));
            Assert.That(arm.Controller.Status.LastViolation, Does.Contain("policy commands stopped for 0.1 s (command_timeout)"));
        });

        arm.Run(5, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [0, 0, 0], arm.Now));
        Assert.That(arm.Controller.State, Is.EqualTo(SafetyState.Running));
        Assert.That(arm.Controller.ActiveSource, Is.EqualTo(CommandSource.Policy));
    }

    [Test]
    public void Teleop_OverridesThePolicy_AndHandsBackWhenItGoesQuiet()
    {
        var arm = new TestArm();
        bool teleop = true;
        arm.Run(500, () =>
        {
            arm.Controller.OnPolicySetpoint(TestArm.Names, [0.5, 0, 0], arm.Now);
            if (teleop && arm.Now > 0.05)
            {
                arm.Controller.OnTeleopSetpoint(["a"], [-0.5], arm.Now);
            }
        });
        Assert.That(arm.Controller.ActiveSource, Is.EqualTo(CommandSource.Teleop));
        double aUnderTeleop = arm.Setpoint[0];

        teleop = false;
        arm.Run(1500, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [0.5, 0, 0], arm.Now));
        Assert.Multiple(() =>
        {
            Assert.That(aUnderTeleop, Is.LessThan(0), "teleop's target won");
            Assert.That(arm.Controller.ActiveSource, Is.EqualTo(CommandSource.Policy));
            Assert.That(arm.Setpoint[0], Is.EqualTo(0.5).Within(1e-6), "the policy has the arm again");
            Assert.That(arm.Controller.Status.SourceSwitches, Is.EqualTo(3), "hold -> policy -> teleop -> policy");
            Assert.That(arm.Controller.Status.LastSwitch, Is.EqualTo("teleop -> policy"));
        });
    }

    [Test]
    public void TeleopJog_MovesAtTheJogVelocity_WhileJogsKeepComing()
    {
        var arm = new TestArm();
        arm.Run(250, () => arm.Controller.OnTeleopJog(["b"], [0.4], [], arm.Now));
        double moved = arm.Setpoint[1];
        arm.Run(250);
        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.EqualTo(0.4 * 0.5).Within(0.03), "about 0.4 rad/s for 0.5 s");
            // The last jog counts for command_timeout (0.1 s at 0.4 rad/s), then the joint brakes.
            Assert.That(arm.Setpoint[1] - moved, Is.LessThan((0.4 * 0.1) + 0.02), "stops soon after the jogs stop");
            Assert.That(arm.Controller.Limiter.IsAtRest, Is.True);
        });
    }

    [Test]
    public void EmergencyStop_StopsAtOnce_LatchesUntilReleasedAndReset()
    {
        var arm = new TestArm();
        Action policy = () => arm.Controller.OnPolicySetpoint(TestArm.Names, [1.5, -0.8, 2.5], arm.Now);
        arm.Run(200, policy);
        arm.Controller.SetEmergencyStop(true);
        double promise = arm.Controller.Limiter.StoppingTime(LimiterMode.EmergencyStop);
        double took = arm.RunUntil(() => arm.Controller.Limiter.IsAtRest, 5, policy);
        arm.Controller.SetEmergencyStop(false);
        arm.Run(50, policy);
        double[] stillHere = arm.Setpoint;
        arm.Controller.SetEmergencyStop(true);
        (bool early, string earlyMessage) = arm.Controller.Reset();
        arm.Controller.SetEmergencyStop(false);
        (bool reset, string message) = arm.Controller.Reset();
        arm.Run(200, policy);
        TestContext.Out.WriteLine($"e-stop: at rest after {took:0.000} s, promised {promise:0.000} s");
        Assert.Multiple(() =>
        {
            Assert.That(took, Is.LessThanOrEqualTo(promise + arm.Options.Period + 1e-9));
            Assert.That(early, Is.False);
            Assert.That(earlyMessage, Does.Contain("still engaged"));
            Assert.That(reset, Is.True, message);
            Assert.That(message, Is.EqualTo("emergency stop cleared; holding"));
            Assert.That(arm.Controller.State, Is.EqualTo(SafetyState.Running));
            Assert.That(arm.Setpoint[0], Is.GreaterThan(stillHere[0]), "moving again after the reset");
        });
    }

    [Test]
    public void EmergencyStop_StaysLatched_AfterReleaseWithoutReset()
    {
        var arm = new TestArm();
        arm.Run(100, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [1, 0, 0], arm.Now));
        arm.Controller.SetEmergencyStop(true);
        arm.Run(10);
        arm.Controller.SetEmergencyStop(false);
        arm.Run(500, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [-1, 0, 0], arm.Now));
        Assert.Multiple(() =>
        {
            Assert.That(arm.Controller.State, Is.EqualTo(SafetyState.EmergencyStopped));
            Assert.That(arm.Controller.Limiter.IsAtRest, Is.True);
        });
    }

    [Test]
    public void StaleJointStates_FaultAndLatch_UntilReset()
    {
        var arm = new TestArm();
        arm.Run(100, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [1, 0, 0], arm.Now));
        arm.Run(60, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [1, 0, 0], arm.Now), reportState: false);
        Assert.That(arm.Controller.State, Is.EqualTo(SafetyState.Faulted));
        Assert.That(arm.Controller.Status.Fault, Does.StartWith("joint states stale: the last is 0.10"));
        arm.Run(500, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [1, 0, 0], arm.Now));
        Assert.Multiple(() =>
        {
            Assert.That(arm.Controller.State, Is.EqualTo(SafetyState.Faulted), "fresh states do not clear a fault");
            Assert.That(arm.Controller.Limiter.IsAtRest, Is.True, "controlled stop");
            Assert.That(arm.Setpoint[0], Is.LessThan(0.9));
        });
        (bool ok, string message) = arm.Controller.Reset();
        arm.Run(1000, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [1, 0, 0], arm.Now));
        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True);
            Assert.That(message, Does.StartWith("fault (joint states stale"));
            Assert.That(arm.Setpoint[0], Is.EqualTo(1).Within(1e-6));
        });
    }

    [Test]
    public void AnArmThatDoesNotFollow_Faults()
    {
        var stuck = new TestArm();
        stuck.Run(400, () =>
        {
            stuck.Controller.OnPolicySetpoint(TestArm.Names, [1, 0, 0], stuck.Now);
            stuck.Controller.OnJointState(TestArm.Names, [0, 0, 0], stuck.Now + 1e-6);
        }, reportState: false);
        Assert.Multiple(() =>
        {
            Assert.That(stuck.Controller.State, Is.EqualTo(SafetyState.Faulted));
            Assert.That(stuck.Controller.Status.Fault, Does.StartWith("a is 0.20").And.EndWith("from its setpoint (feedback_tolerance 0.2)"));
        });
    }

    [Test]
    public void Disarming_StopsUnderControl_ThenStopsCommanding()
    {
        var arm = new TestArm();
        arm.Run(200, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [1.5, 0, 0], arm.Now));
        arm.Controller.Enable(false);
        int commanded = 0;
        for (int i = 0; i < 500 && arm.Run(1, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [1.5, 0, 0], arm.Now)); i++)
        {
            commanded++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(commanded, Is.InRange(1, 499), "kept commanding until still, then stopped");
            Assert.That(arm.Controller.Limiter.IsAtRest, Is.True);
            Assert.That(arm.Controller.State, Is.EqualTo(SafetyState.Disabled));
        });
    }

    [Test]
    public void ReArming_TakesOverFromAStateMeasuredAfterTheEnable()
    {
        var arm = new TestArm();
        arm.Run(400, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [0.8, 0, 0], arm.Now));
        arm.Controller.Enable(false);
        arm.Run(500);
        Assert.That((arm.Controller.State, arm.Controller.Measured[0]), Is.EqualTo((SafetyState.Disabled, 0.8)).Within(1e-3));

        // While disarmed the arm is put back to zero (a simulator reset), and re-armed before that state arrives.
        arm.Controller.Enable(true);
        Assert.That(arm.Controller.Cycle(arm.Now + 0.002), Is.False, "no command from the state seen before the enable");
        arm.Controller.OnJointState(TestArm.Names, [0, 0, 0], arm.Now + 0.003);
        Assert.That(arm.Controller.Cycle(arm.Now + 0.004), Is.True);
        arm.Run(100);
        Assert.Multiple(() =>
        {
            Assert.That(arm.Controller.IsFaulted, Is.False, arm.Controller.Status.Fault);
            Assert.That(arm.Setpoint[0], Is.EqualTo(0).Within(1e-9), "held where the arm is now");
        });
    }

    [Test]
    public void SpeedScale_BoundsTheSpeed()
    {
        var arm = new TestArm();
        arm.Controller.Limiter.SpeedScale = 0.25;
        double fastest = 0;
        double[] last = arm.Setpoint;
        arm.Run(1000, () =>
        {
            arm.Controller.OnPolicySetpoint(TestArm.Names, [1.8, -0.9, 2.8], arm.Now);
            double[] now = arm.Setpoint;
            for (int j = 0; j < 3; j++)
            {
                fastest = Math.Max(fastest, Math.Abs(now[j] - last[j]) / arm.Options.Period / TestArm.Limits[j].MaxVelocity);
            }

            last = now;
        });
        Assert.That(fastest, Is.EqualTo(0.25).Within(1e-6), "the fastest joint reaches a quarter of its limit and no more");
    }

    [Test]
    public void AFault_StaysLatchedThroughDisarmingAndRearming()
    {
        var arm = new TestArm();
        arm.Run(100, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [1, 0, 0], arm.Now));
        arm.Run(60, reportState: false);
        Assert.That(arm.Controller.IsFaulted, Is.True);
        arm.Controller.Enable(false);
        arm.Run(500);
        arm.Controller.Enable(true);
        double held = arm.Setpoint[0];
        arm.Run(500, () => arm.Controller.OnPolicySetpoint(TestArm.Names, [-1, 0, 0], arm.Now));
        Assert.Multiple(() =>
        {
            Assert.That(arm.Controller.State, Is.EqualTo(SafetyState.Faulted));
            Assert.That(arm.Setpoint[0], Is.EqualTo(held).Within(1e-9), "no motion until reset");
            Assert.That(arm.Controller.Reset().Message, Does.StartWith("fault (joint states stale"));
        });
    }

    [Test]
    public void AJogSentWhileDisarmed_StartsFromTheArm_NotFromZero()
    {
        var options = new SafetyControllerOptions { StartEnabled = false };
        var arm = new TestArm(options);
        arm.Controller.OnJointState(TestArm.Names, [0.5, -0.4, 1.0], arm.Now);
        arm.Controller.OnTeleopJog(["a"], [0.2], [], arm.Now);
        arm.Controller.Enable(true);
        arm.Run(50, () => arm.Controller.OnTeleopJog(["a"], [0.2], [], arm.Now));
        Assert.Multiple(() =>
        {
            Assert.That(arm.Setpoint[1], Is.EqualTo(-0.4).Within(1e-9), "b holds where the arm was");
            Assert.That(arm.Setpoint[2], Is.EqualTo(1.0).Within(1e-9), "c holds where the arm was");
            Assert.That(arm.Setpoint[0], Is.GreaterThan(0.5), "a jogs up from where it was");
        });
    }
}
