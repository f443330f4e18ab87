using System.Diagnostics;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.DiagnosticMsgs.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdSrvs.Srv;
using PhysicalAI.Ros.Tests.Shared;
using PhysicalAI.Safety;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// <c>safety_controller</c> between a command source and <c>sim_arm</c>, each in its own process, the arm
/// measured on <c>/joint_states</c>: a command source killed mid-motion, an e-stop mid-motion, and joint
/// states that stop arriving all bring the arm to rest within the timeout plus the stopping time the limits
/// give, plus a 0.5 s margin for the simulated servo's lag, DDS and a loaded machine (timers skip periods).
/// </summary>
[NonParallelizable]
public class SafetyControllerProcessTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    // pai_arm's joint_1: 1.5 rad/s (URDF); no acceleration limit in the URDF, so the controller's defaults.
    private const double Deceleration = 5, Jerk = 100, CommandTimeout = 0.1, StateTimeout = 0.5, Margin = 0.5, Target = 2.5;

    [OneTimeSetUp]
    public void BuildPai() => PaiLauncher.EnsureBuilt();

    /// <summary>The controlled stop's time from <paramref name="velocity"/> at zero acceleration, plus the timeout before it.</summary>
    private static double Promise(double velocity, double timeout) => timeout + BrakingProfile.Stop(velocity, 0, Deceleration, Jerk).Time + Margin;

    [Test]
    public void KillingTheCommandSourceMidMotion_BringsTheArmToRestInTime()
    {
        using var rig = new SimArmUnderSafety("safety_observer");
        using var policy = new ChildProcess(RepositoryRoot.Pai,
            ["topic", "pub", "/safety_controller/policy_command", "sensor_msgs/msg/JointState", $"{{name: [joint_1], position: [{Target}]}}", "-r", "50"],
            TestNetwork.Environment(rig.Domain));
        Assert.That(rig.Spin(() => rig.Velocity > 1.0, Long), Is.True, $"the arm moves under the policy\n{rig.Safety.Output}");

        double velocity = rig.Velocity;
        policy.Signal(9);
        double rest = rig.TimeToRest(10);
        double promise = Promise(velocity, CommandTimeout);
        TestContext.Out.WriteLine($"command source killed at {velocity:0.000} rad/s: at rest {rest:0.000} s later (command_timeout {CommandTimeout} s + stopping time + {Margin} s margin = {promise:0.000} s); joint_1 at {rig.State!.Position[0]:0.000} rad");
        rig.Spin(() => rig.Value("watchdog_stops") == "1" && rig.Value("state") == "running", Long);
        Assert.Multiple(() =>
        {
            Assert.That(rest, Is.LessThanOrEqualTo(promise));
            Assert.That(rig.State!.Position[0], Is.LessThan(Target - 0.05), "stopped short of the target: it was the watchdog, not arrival");
            Assert.That(rig.Value("last_violation"), Does.Contain("policy commands stopped for 0.1 s (command_timeout)"));
            Assert.That(rig.Value("state"), Is.EqualTo("running"));
            Assert.That(rig.Value("active_source"), Is.EqualTo("hold"));
        });
    }

    [Test]
    public void EmergencyStopMidMotion_StopsTheArmInTime_AndLatchesUntilReleasedAndReset()
    {
        using var rig = new SimArmUnderSafety("safety_observer");
        Publisher<JointState> policy = rig.Node.CreatePublisher<JointState>("/safety_controller/policy_command");
        Publisher<Bool> estop = rig.Node.CreatePublisher<Bool>("/safety_controller/estop");
        var reset = rig.Node.CreateClient<Trigger.Request, Trigger.Response>("/safety_controller/reset");
        var command = new JointState { Name = ["joint_1"], Position = [Target] };
        double lastSent = 0;
        void Command()
        {
            if (rig.Clock.Elapsed.TotalSeconds - lastSent > 0.02)
            {
                lastSent = rig.Clock.Elapsed.TotalSeconds;
                policy.Publish(command);
            }
        }

        Assert.That(rig.Spin(() => rig.Velocity > 1.0, Long, Command), Is.True, rig.Safety.Output);
        double velocity = rig.Velocity;
        estop.Publish(new Bool { Data = true });
        double start = rig.Clock.Elapsed.TotalSeconds;
        rig.Spin(() => rig.AtRest && rig.StateAt > start, TimeSpan.FromSeconds(10), Command);
        double rest = rig.StateAt - start;
        double promise = BrakingProfile.Stop(velocity, 0, Deceleration, Jerk).Time + Margin;
        TestContext.Out.WriteLine($"e-stop at {velocity:0.000} rad/s: at rest {rest:0.000} s later (stopping time + {Margin} s margin = {promise:0.000} s)");

        Assert.That(TestWait.WhileSpinning(rig.Executor, reset.WaitForServiceAsync(Long)).Result, Is.True);
        Trigger.Response refused = TestWait.WhileSpinning(rig.Executor, reset.CallAsync(new Trigger.Request(), Long)).Result;
        double held = rig.State!.Position[0];
        rig.Spin(() => false, TimeSpan.FromSeconds(0.5), Command);
        estop.Publish(new Bool { Data = false });
        rig.Spin(() => false, TimeSpan.FromSeconds(0.3), Command);
        double stillHeld = rig.State!.Position[0];
        Trigger.Response accepted = TestWait.WhileSpinning(rig.Executor, reset.CallAsync(new Trigger.Request(), Long)).Result;
        bool resumed = rig.Spin(() => rig.State!.Position[0] > stillHeld + 0.05, Long, Command);
        Assert.Multiple(() =>
        {
            Assert.That(rest, Is.LessThanOrEqualTo(promise));
            Assert.That(refused.Success, Is.False);
            Assert.That(refused.Message, Is.EqualTo("the emergency stop is still engaged: release it, then reset"));
            Assert.That(stillHeld, Is.EqualTo(held).Within(1e-3), "released but not reset: still stopped");
            Assert.That(accepted.Success, Is.True, accepted.Message);
            Assert.That(accepted.Message, Is.EqualTo("emergency stop cleared; holding"));
            Assert.That(resumed, Is.True, "moves again after the reset");
        });
    }

    [Test]
    public void JointStatesThatStopArriving_FaultAndStopTheArmInTime()
    {
        // A generous state_timeout: this process relays the joint states, and a loaded machine may pause it.
        using var rig = new SimArmUnderSafety("safety_observer", "-r", "/joint_states:=/relayed_joint_states", "-p", "state_timeout:=0.5");
        Publisher<JointState> relay = rig.Node.CreatePublisher<JointState>("/relayed_joint_states");
        Publisher<JointState> policy = rig.Node.CreatePublisher<JointState>("/safety_controller/policy_command");
        var command = new JointState { Name = ["joint_1"], Position = [Target] };
        bool relaying = true;
        rig.Node.CreateSubscription<JointState>("/joint_states", m =>
        {
            if (relaying)
            {
                relay.Publish(m);
            }
        });
        double lastSent = 0;
        void Drive()
        {
            if (rig.Clock.Elapsed.TotalSeconds - lastSent > 0.02)
            {
                lastSent = rig.Clock.Elapsed.TotalSeconds;
                policy.Publish(command);
            }
        }

        Assert.That(rig.Spin(() => rig.Velocity > 1.0, Long, Drive), Is.True, rig.Safety.Output);
        double velocity = rig.Velocity;
        relaying = false;
        double start = rig.Clock.Elapsed.TotalSeconds;
        rig.Spin(() => rig.AtRest && rig.StateAt > start, TimeSpan.FromSeconds(10), Drive);
        double rest = rig.StateAt - start;
        double promise = Promise(velocity, StateTimeout);
        rig.Spin(() => rig.Value("state") == "faulted", Long, Drive);
        TestContext.Out.WriteLine($"joint states stopped at {velocity:0.000} rad/s: at rest {rest:0.000} s later (state_timeout {StateTimeout} s + stopping time + {Margin} s margin = {promise:0.000} s); fault: {rig.Value("fault")}");
        Assert.Multiple(() =>
        {
            Assert.That(rest, Is.LessThanOrEqualTo(promise));
            Assert.That(rig.Value("state"), Is.EqualTo("faulted"));
            Assert.That(rig.Value("fault"), Does.StartWith("joint states stale: the last is 0.5"));
            Assert.That(rig.Diagnostics!.Level, Is.EqualTo(DiagnosticStatus.ERROR));
        });
    }
}
