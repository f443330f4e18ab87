using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Interfaces.ControlMsgs.Msg;
using PhysicalAI.Ros.Interfaces.DiagnosticMsgs.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Tests.Shared;
using PhysicalAI.Safety;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// <c>teleop_keyboard</c> in a real pseudo-terminal (util-linux's <c>script</c>, whose input this test types
/// into), driving <c>sim_arm</c> through <c>safety_controller</c>, each in its own process, the arm measured on
/// <c>/joint_states</c>. Keys are typed as a terminal delivers a held key: one press, a 0.5 s repeat delay,
/// then repeats 30 times a second. After each run the shell in the terminal prints <c>stty -a</c>, so the test
/// sees whether the node left the terminal as it found it.
/// </summary>
[NonParallelizable]
public class TeleopKeyboardProcessTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    // teleop_keyboard's defaults: 1.0 rad/s × 0.3, deadman 0.7 s after a first press.
    private const double JogSpeed = 0.3, KeyTimeout = 0.7, RepeatDelay = 0.5, RepeatPeriod = 1 / 30.0;

    // safety_controller's defaults for pai_arm's joint_1, and a margin for the simulated servo's lag, DDS and
    // two loaded cores (processes pause, timers skip periods).
    private const double Deceleration = 5, Jerk = 100, CommandTimeout = 0.1, Margin = 1.0;

    [OneTimeSetUp]
    public void BuildPai()
    {
        Assert.That(ExternalProcess.Which("script"), Is.Not.Null, "util-linux's script (Debian package bsdutils) gives the node its terminal");
        PaiLauncher.EnsureBuilt();
    }

    /// <summary>teleop_keyboard in a pseudo-terminal; the shell reports its exit code and the terminal's settings after it.</summary>
    private static ChildProcess StartInTerminal(uint domain, params string[] rosArgs)
    {
        string node = string.Join(' ', new[] { RepositoryRoot.Pai, "run", "teleop_keyboard", "--ros-args" }.Concat(rosArgs).Select(Quote));
        // The trap keeps the shell alive through Ctrl-C (it would end with its child) and resets to the default in the node.
        string command = $"trap true INT; {node}; echo \"teleop_keyboard exited with $?\"; stty -a";
        Dictionary<string, string?> environment = TestNetwork.Environment(domain);
        environment["TERM"] = "xterm";
        environment["SHELL"] = "/bin/sh";
        return new ChildProcess("script", ["--quiet", "--flush", "--return", "--command", command, "/dev/null"], environment);
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The terminal's line discipline flags after the node exited, as <c>stty -a</c> printed them.</summary>
    private static Dictionary<string, bool> TerminalFlags(ChildProcess terminal)
    {
        var flags = new Dictionary<string, bool>();
        foreach (Match m in Regex.Matches(terminal.Output, @"(?<=\s|^)(-?)(echo|icanon|isig)(?=\s|$)", RegexOptions.Multiline))
        {
            flags[m.Groups[2].Value] = m.Groups[1].Value.Length == 0;
        }

        return flags;
    }

    private static void AssertExitedRestoringTheTerminal(ChildProcess terminal, int exitCode)
    {
        Assert.That(terminal.WaitForExit(Long), Is.True, terminal.Output);
        Assert.Multiple(() =>
        {
            Assert.That(terminal.Output, Does.Contain($"teleop_keyboard exited with {exitCode}"));
            Assert.That(TerminalFlags(terminal), Is.EquivalentTo(new Dictionary<string, bool> { ["echo"] = true, ["icanon"] = true, ["isig"] = true }), "echo, line input and signal keys are back\n" + terminal.Output);
        });
    }

    /// <summary>A key held down as a terminal delivers it: one press now, repeats after the delay; <see cref="Pump"/> types what is due.</summary>
    private sealed class HeldKey(ChildProcess terminal, char key, Stopwatch clock)
    {
        private readonly double _start = clock.Elapsed.TotalSeconds;
        private int _typed;

        public double LastTyped { get; private set; }

        public void Pump()
        {
            double t = clock.Elapsed.TotalSeconds - _start;
            int due = t < RepeatDelay ? 1 : 2 + (int)((t - RepeatDelay) / RepeatPeriod);
            if (due > _typed)
            {
                // One key even when behind: a terminal does not queue up missed repeats either.
                terminal.Send(key.ToString());
                _typed = due;
                LastTyped = clock.Elapsed.TotalSeconds;
            }
        }
    }

    /// <summary>The rig with a generous state_timeout: on two loaded cores a paused sim_arm must not fault the controller.</summary>
    private static SimArmUnderSafety Rig() => new("teleop_observer", "-p", "state_timeout:=0.5");

    /// <summary>Holds <paramref name="key"/> until <paramref name="until"/> (or the timeout); returns the key for its last typing time.</summary>
    private static HeldKey Hold(SimArmUnderSafety rig, ChildProcess terminal, char key, Func<bool> until, TimeSpan timeout)
    {
        var held = new HeldKey(terminal, key, rig.Clock);
        rig.Spin(until, timeout, held.Pump);
        return held;
    }

    /// <summary>The longest a released key may take to bring the arm to rest: the deadman (its long timeout, in case
    /// the repeats were not recognised), the controller's watchdog, the controlled stop, and the margin.</summary>
    private static double ReleasePromise(double velocity) => KeyTimeout + CommandTimeout + BrakingProfile.Stop(velocity, 0, Deceleration, Jerk).Time + Margin;

    [Test]
    public void HeldKeysJogTheArmThroughTheSafetyController_ItStopsWhenKeysStop_AndOnTheEmergencyStopKey()
    {
        using SimArmUnderSafety rig = Rig();
        using ChildProcess terminal = StartInTerminal(rig.Domain);
        Assert.That(terminal.WaitForLine(l => l.Contains("Joints from /joint_states: joint_1, joint_2"), Long), Is.True, terminal.Output);
        Assert.That(rig.Spin(() => rig.State is not null && rig.Value("state") == "running", Long), Is.True, rig.Safety.Output);
        Assert.That(terminal.Output, Does.Contain("1 joint_1").And.Contain("space  stop now"), "the key help");

        // w: joint_1 in the positive direction at the jog speed (measured over half a second of the held key),
        // the other joints still.
        double[] start = [.. rig.State!.Position];
        HeldKey w = Hold(rig, terminal, 'w', () => rig.Position > start[0] + 0.05 && rig.Velocity > 0.8 * JogSpeed, Long);
        (double p0, double t0) = (rig.Position, rig.StateAt);
        double peak = 0;
        rig.Spin(() => rig.StateAt > t0 + 0.5, Long, () => { w.Pump(); peak = Math.Max(peak, rig.Velocity); });
        double speed = (rig.Position - p0) / (rig.StateAt - t0);
        double[] moved = [.. rig.State!.Position];
        double velocity = rig.Velocity;
        string source = rig.Value("active_source");
        TestContext.Out.WriteLine($"w held: joint_1 {start[0]:0.000} -> {moved[0]:0.000} rad, {speed:0.000} rad/s over 0.5 s (jog speed {JogSpeed}), peak {peak:0.000} rad/s");
        Assert.Multiple(() =>
        {
            Assert.That(moved[0] - start[0], Is.GreaterThan(0.1), "joint_1 moved up");
            // Lower: a loaded machine may pause the jogs (the controller then stops until they resume).
            Assert.That(speed, Is.InRange(0.5 * JogSpeed, 1.1 * JogSpeed), "at the jog speed");
            Assert.That(peak, Is.LessThan(2 * JogSpeed), "the jog speed, not the joint's 1.5 rad/s limit");
            // Joints 2 to 6: the gripper finger starts on its lower limit, and the controller's first teleop target
            // moves it inside its soft limits (a tenth of its 3 cm range).
            Assert.That(Enumerable.Range(1, 5).Max(j => Math.Abs(moved[j] - start[j])), Is.LessThan(1e-3), "the other joints stayed");
        });

        // Released: the deadman stops the jog, the arm comes to rest and stays there.
        double released = w.LastTyped;
        double rest = rig.TimeToRest(released, 10);
        double promise = ReleasePromise(velocity);
        double drift = rig.Drift(1.0);
        rig.Spin(() => rig.Value("active_source") == "hold", Long);
        TestContext.Out.WriteLine($"w released at {velocity:0.000} rad/s: at rest {rest:0.000} s later (promise {promise:0.000} s); then {drift * 1000:0.000} mrad in 1 s");
        Assert.Multiple(() =>
        {
            Assert.That(source, Is.EqualTo("teleop"), "the safety controller took the jogs as teleop");
            Assert.That(rest, Is.LessThanOrEqualTo(promise));
            // A velocity under 1 mrad/s counts as at rest; the hold may still settle the last fraction of a milliradian.
            Assert.That(drift, Is.LessThan(5e-3), "position stable at rest");
            Assert.That(rig.Value("active_source"), Is.EqualTo("hold"), "jogs no longer arrive");
        });

        // s: the other way.
        double top = rig.Position;
        HeldKey s = Hold(rig, terminal, 's', () => rig.Position < top - 0.1 && rig.Velocity < -0.8 * JogSpeed, Long);
        Assert.That(rig.Position, Is.LessThan(top - 0.1), "joint_1 moved down");
        velocity = rig.Velocity;
        rest = rig.TimeToRest(s.LastTyped, 10);
        TestContext.Out.WriteLine($"s released at {velocity:0.000} rad/s: at rest {rest:0.000} s later (promise {ReleasePromise(-velocity):0.000} s)");
        Assert.That(rest, Is.LessThanOrEqualTo(ReleasePromise(-velocity)));

        // x while w is still held: the arm stops although the key keeps repeating, and the e-stop holds it.
        w = Hold(rig, terminal, 'w', () => rig.Velocity > 0.8 * JogSpeed, Long);
        velocity = rig.Velocity;
        terminal.Send("x");
        double pressed = rig.Clock.Elapsed.TotalSeconds;
        double estopRest = rig.TimeToRest(pressed, 10, w.Pump);
        double estopPromise = BrakingProfile.Stop(velocity, 0, Deceleration, Jerk).Time + Margin;
        bool engaged = rig.Spin(() => rig.Value("state") == "emergency_stopped", Long, w.Pump);
        double heldDrift = rig.Drift(1.0, w.Pump);
        TestContext.Out.WriteLine($"x at {velocity:0.000} rad/s with w held: at rest {estopRest:0.000} s later (promise {estopPromise:0.000} s); then {heldDrift * 1000:0.000} mrad in 1 s with w still held");
        Assert.Multiple(() =>
        {
            Assert.That(estopRest, Is.LessThanOrEqualTo(estopPromise));
            Assert.That(engaged, Is.True, "the safety controller is e-stopped");
            Assert.That(heldDrift, Is.LessThan(1e-3), "held while the jog key keeps repeating");
            Assert.That(terminal.WaitForLine(l => l.Contains("/safety_controller/estop: emergency stop engaged"), Long), Is.True, terminal.Output);
            Assert.That(terminal.Output, Does.Contain("Jog keys are ignored while the e-stop is engaged"));
        });

        // x again releases, z resets; then w jogs again.
        rig.Spin(() => false, TimeSpan.FromSeconds(1));
        terminal.Send("x");
        Assert.That(terminal.WaitForLine(l => l.Contains("emergency stop released"), Long), Is.True, terminal.Output);
        terminal.Send("z");
        Assert.That(terminal.WaitForLine(l => l.Contains("/safety_controller/reset: emergency stop cleared"), Long), Is.True, terminal.Output);
        Assert.That(rig.Spin(() => rig.Value("state") == "running", Long), Is.True);
        double held = rig.Position;
        w = Hold(rig, terminal, 'w', () => rig.Position > held + 0.05 && rig.Velocity > 0.5 * JogSpeed, Long);
        Assert.That(rig.Position, Is.GreaterThan(held + 0.05), "jogs again after release and reset");
        rest = rig.TimeToRest(w.LastTyped, 10);
        Assert.That(rest, Is.LessThanOrEqualTo(ReleasePromise(JogSpeed)));

        terminal.Send("q");
        AssertExitedRestoringTheTerminal(terminal, 0);
    }

    [Test]
    public void CtrlCAndSigterm_EndAHeldJogWithAStop_AndRestoreTheTerminal()
    {
        uint domain = TestNetwork.NewDomain();
        using RosContext context = TestNetwork.Context(domain);
        using var node = new Node(context, "jog_observer");
        var jogs = new List<(double At, double Velocity, double Duration, double Stamp, string Joint)>();
        var clock = Stopwatch.StartNew();
        node.CreateSubscription<JointJog>("/safety_controller/teleop_jog", m =>
            jogs.Add((clock.Elapsed.TotalSeconds, m.Velocities[0], m.Duration, m.Header.Stamp.Sec + (m.Header.Stamp.Nanosec * 1e-9), m.JointNames[0])));
        using var executor = new SingleThreadedExecutor(context);
        executor.AddNode(node);

        foreach (string ending in new[] { "Ctrl-C", "SIGTERM" })
        {
            jogs.Clear();
            using ChildProcess terminal = StartInTerminal(domain, "-p", "joint_names:=[shoulder, elbow]");
            Assert.That(terminal.WaitForLine(l => l.Contains("Jogs to /safety_controller/teleop_jog at 50 Hz"), Long), Is.True, terminal.Output);
            var key = new HeldKey(terminal, 'd', clock);
            Assert.That(TestWait.Spin(executor, () => { key.Pump(); return jogs.Count >= 25; }, Long), Is.True, $"{ending}: jogs arrive while d is held\n{terminal.Output}");
            if (ending == "Ctrl-C")
            {
                terminal.Send("\u0003");
            }
            else
            {
                int pid = Descendants(terminal.Id).Single(p => File.ReadAllText($"/proc/{p}/comm").Trim() == "dotnet");
                ExternalProcess.Run("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]);
            }

            AssertExitedRestoringTheTerminal(terminal, 0);
            TestWait.Spin(executor, () => jogs[^1].Velocity == 0, TimeSpan.FromSeconds(5));
            var held = jogs.Take(jogs.Count - 1).ToList();
            double wallNow = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
            TestContext.Out.WriteLine($"{ending}: {held.Count} jogs at {held.Count / (held[^1].At - held[0].At):0.0} Hz while held, then velocity {jogs[^1].Velocity}");
            Assert.Multiple(() =>
            {
                Assert.That(held, Has.All.Matches<(double, double Velocity, double Duration, double, string Joint)>(j => j.Joint == "elbow" && j.Velocity == -JogSpeed && j.Duration == 0.02), "elbow down at the jog speed, one period each");
                Assert.That(held.Select(j => j.Stamp), Is.Ordered, "stamped in order");
                Assert.That(held[^1].Stamp, Is.InRange(wallNow - 30, wallNow), "stamped with ROS time (the system clock here)");
                Assert.That((jogs[^1].Joint, jogs[^1].Velocity), Is.EqualTo(("elbow", 0.0)), $"{ending}: a zero-velocity jog before leaving");
                Assert.That(terminal.Output, Does.Contain(ending == "Ctrl-C" ? "leaving (SIGINT)" : "leaving (SIGTERM)"));
            });
        }
    }

    [Test]
    public void WithoutATerminal_ItSaysSoAndExits1()
    {
        // ChildProcess gives the node a pipe for standard input.
        using var node = new ChildProcess(RepositoryRoot.Pai, ["run", "teleop_keyboard"], TestNetwork.Environment(TestNetwork.NewDomain()));
        Assert.That(node.WaitForExit(Long), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(node.ExitCode, Is.EqualTo(1));
            Assert.That(node.Output, Does.Contain("[ERROR] teleop_keyboard reads keys from a terminal, but its standard input is not a terminal: run it in a terminal"));
        });
    }

    [Test]
    public void ABadParameter_IsOneLineNamingIt_AndExit2_WithTheTerminalRestored()
    {
        using ChildProcess terminal = StartInTerminal(TestNetwork.NewDomain(), "-p", "safety_controller:=/a//b", "-p", "joint_names:=[j1]");
        AssertExitedRestoringTheTerminal(terminal, 2);
        Assert.That(terminal.Output, Does.Contain("[ERROR] parameter 'safety_controller' is '/a//b', which is not a node name (topic name must not contain repeated '/'); give the node's name, such as /safety_controller"));
    }

    /// <summary>Every process below <paramref name="pid"/>, from the kernel's child lists.</summary>
    private static IEnumerable<int> Descendants(int pid)
    {
        string path = $"/proc/{pid}/task/{pid}/children";
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (string child in File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int id = int.Parse(child, CultureInfo.InvariantCulture);
            yield return id;
            foreach (int below in Descendants(id))
            {
                yield return below;
            }
        }
    }
}
