using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Client.Time;
using PhysicalAI.Ros.Tests.Shared;
using ClockMsg = PhysicalAI.Ros.Interfaces.RosgraphMsgs.Msg.Clock;

namespace PhysicalAI.Ros.Client.Tests;

/// <summary>ROS time: the system clock by default, /clock while use_sim_time is true; ROS-time timers follow it.</summary>
public class TimeTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    [Test]
    public void Now_IsSystemTime_ByDefault()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "clocked");
        RosTime before = RosClock.SystemNow();
        RosTime now = node.Now();
        RosTime after = RosClock.SystemNow();
        Assert.Multiple(() =>
        {
            Assert.That(node.Clock.IsSimulated, Is.False);
            Assert.That(now, Is.GreaterThanOrEqualTo(before).And.LessThanOrEqualTo(after));
        });
    }

    [Test]
    public void UseSimTime_MakesNowFollowClock_FromZero()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId(), args: ["--ros-args", "-p", "use_sim_time:=true"]);
        using var sim = new Node(context, "sim");
        using var node = new Node(context, "follower");
        Publisher<ClockMsg> clock = sim.CreatePublisher<ClockMsg>("/clock", QosProfiles.Clock);
        Assert.That(node.Clock.IsSimulated, Is.True);
        Assert.That(node.Now(), Is.EqualTo(RosTime.Zero), "before the first /clock message");

        Assert.That(TestWait.Until(() => clock.SubscriptionCount >= 2, Long), Is.True, "both nodes follow /clock");
        var target = RosTime.FromSeconds(1234.5);
        Assert.That(TestWait.Until(() =>
        {
            clock.Publish(new ClockMsg { Clock_ = target.ToMessage() });
            return node.Now() == target;
        }, Long), Is.True, "the clock advances without the node being spun");
    }

    [Test]
    public void UseSimTime_CanBeSwitchedWhileRunning()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "switcher");
        Assert.That(node.SetParameter("use_sim_time", true).Successful, Is.True);
        Assert.That(node.Now(), Is.EqualTo(RosTime.Zero));
        Assert.That(node.SetParameter("use_sim_time", false).Successful, Is.True);
        Assert.That(node.Now().TotalSeconds, Is.GreaterThan(1.7e9), "back on the system clock");
        Assert.That(node.SetParameter("use_sim_time", "yes").Successful, Is.False, "use_sim_time is a bool");
    }

    [Test]
    public void RosTimer_FiresAsSimulatedTimeAdvances_AndRestartsAfterAJumpBack()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId());
        using var node = new Node(context, "stepper", new NodeOptions { ParameterOverrides = [new("use_sim_time", Parameters.ParameterValue.Of(true))] });
        using var sim = new Node(context, "sim");
        Publisher<ClockMsg> clock = sim.CreatePublisher<ClockMsg>("/clock", QosProfiles.Clock with { Reliability = QosReliability.Reliable, Depth = 100 });
        var fired = new List<RosTime>();
        RosTimer timer = node.CreateTimer(TimeSpan.FromSeconds(0.5), () => fired.Add(node.Now()));
        WallTimer wall = node.CreateWallTimer(TimeSpan.FromHours(1), () => Assert.Fail("a wall timer ignores /clock"));
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);
        Assert.That(TestWait.Until(() => clock.SubscriptionCount > 0, Long), Is.True);

        void Step(double seconds)
        {
            RosTime t = RosTime.FromSeconds(seconds);
            clock.Publish(new ClockMsg { Clock_ = t.ToMessage() });
            Assert.That(TestWait.Spin(executor, () => node.Now() == t, Long), Is.True, $"clock reached {seconds}");
            executor.SpinSome();
        }

        // 0.1 s steps to 2.0 s: due at 0.5, 1.0, 1.5, 2.0.
        for (int i = 1; i <= 20; i++)
        {
            Step(i * 0.1);
        }

        int beforeJump = fired.Count;
        Step(0.05);
        Step(0.5);
        Step(0.55);
        Assert.Multiple(() =>
        {
            Assert.That(beforeJump, Is.EqualTo(4));
            Assert.That(fired.Take(4).Select(t => Math.Round(t.TotalSeconds, 3)), Is.EqualTo(new[] { 0.5, 1.0, 1.5, 2.0 }));
            Assert.That(fired.Skip(4).Select(t => Math.Round(t.TotalSeconds, 3)), Is.EqualTo(new[] { 0.55 }), "after the jump back to 0.05 the period restarts: due at 0.55");
            Assert.That(timer.CallCount, Is.EqualTo(5));
            Assert.That(wall.CallCount, Is.Zero);
        });
    }

    [Test]
    public void RosTime_ConvertsToAndFromStamps()
    {
        var t = RosTime.FromSeconds(-1.25);
        Assert.Multiple(() =>
        {
            Assert.That((t.Seconds, t.NanosecondsPart), Is.EqualTo((-2, 750_000_000u)), "builtin_interfaces/Time keeps nanosec non-negative");
            Assert.That(RosTime.FromMessage(t.ToMessage()), Is.EqualTo(t));
            Assert.That(new RosTime(1_500_000_000).ToString(), Is.EqualTo("1.500000000"));
            Assert.That(RosTime.FromSeconds(2) - RosTime.FromSeconds(0.5), Is.EqualTo(TimeSpan.FromSeconds(1.5)));
        });
    }

    [TestCase(1_700_000_000_999_999_999L, 1_700_000_000, 999_999_999u)]
    [TestCase(1_700_000_001_000_000_000L, 1_700_000_001, 0u)]
    [TestCase(-1L, -1, 999_999_999u)]
    [TestCase(-1_000_000_000L, -1, 0u)]
    public void RosTime_SplitsIntoSecAndNanosecExactly(long nanoseconds, int sec, uint nanosec)
    {
        var t = new RosTime(nanoseconds);
        Assert.That((t.Seconds, t.NanosecondsPart), Is.EqualTo((sec, nanosec)), "integer arithmetic, not a double that rounds near whole seconds");
    }

    [Test]
    public void UseSimTime_FromOverrides_WithAutomaticDeclaration_IsStillTheClocksSwitch()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId(), args: ["--ros-args", "-p", "use_sim_time:=true", "-p", "other:=1"]);
        using var node = new Node(context, "auto_sim", new NodeOptions { AutomaticallyDeclareParametersFromOverrides = true });
        Assert.Multiple(() =>
        {
            Assert.That(node.Clock.IsSimulated, Is.True);
            Assert.That(node.GetParameter<long>("other"), Is.EqualTo(1));
            Assert.That(node.SetParameter("use_sim_time", 1L).Reason, Is.EqualTo("Wrong parameter type, parameter {use_sim_time} is of type {bool}, setting it to {integer} is not allowed."));
        });
    }
}
