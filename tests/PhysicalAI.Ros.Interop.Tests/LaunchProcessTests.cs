using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// <c>pai launch</c> running real node processes on a domain of their own, checked from other processes:
/// nodes come up with the launch file's remaps, namespaces and params files; SIGINT stops every process
/// cleanly within its timeout; a killed node is respawned after its delay; a required node that fails
/// ends the launch; a node that ignores SIGINT is escalated to SIGTERM, then SIGKILL; a bad file starts nothing.
/// </summary>
[NonParallelizable]
public partial class LaunchProcessTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);
    private static readonly string LaunchFolder = Path.Combine(RepositoryRoot.Path, "tests", "PhysicalAI.Ros.Interop.Tests", "Launch");
    private static readonly string SimGraph = Path.Combine(LaunchFolder, "sim_graph.launch.yaml");

    // sim_arm-1, safety_controller-2, talker-3, listener-4 in sim_graph.launch.yaml.
    private const string Talker = "talker-3", Listener = "listener-4";

    private string _logs = string.Empty;

    [OneTimeSetUp]
    public void BuildPai() => PaiLauncher.EnsureBuilt();

    [SetUp]
    public void LogFolder() => _logs = Directory.CreateTempSubdirectory("pai_launch_logs_").FullName;

    [TearDown]
    public void RemoveLogs() => Directory.Delete(_logs, recursive: true);

    private Dictionary<string, string?> Environment(uint domain)
    {
        Dictionary<string, string?> environment = TestNetwork.Environment(domain);
        environment["ROS_LOG_DIR"] = _logs;
        return environment;
    }

    private ChildProcess Launch(uint domain, string file, params string[] arguments) =>
        new(RepositoryRoot.Pai, ["launch", file, .. arguments], Environment(domain));

    private static string Pai(uint domain, params string[] args)
    {
        ExternalProcess.Result r = ExternalProcess.Run(RepositoryRoot.Pai, args, RepositoryRoot.Path, Long, TestNetwork.Environment(domain));
        TestContext.Out.WriteLine($"$ pai {string.Join(' ', args)}\n{r.StandardOutput}{r.StandardError}(exit {r.ExitCode})");
        return r.StandardOutput + r.StandardError;
    }

    /// <summary>The pids the launch reported starting, by label, in order.</summary>
    private static List<(string Label, int Pid)> Started(ChildProcess launch) =>
        [.. launch.Lines.Select(l => StartedLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))];

    private static bool Alive(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    /// <summary>Sends <paramref name="signal"/> to the launch and checks that it and every process it started end cleanly in time.</summary>
    private static void StopsCleanly(ChildProcess launch, int signal, int processes)
    {
        List<(string Label, int Pid)> started = Started(launch);
        var clock = Stopwatch.StartNew();
        launch.Signal(signal);
        // Every node's sigterm_timeout is 5 s: a clean stop needs no escalation; 15 s covers a loaded machine.
        bool exited = launch.WaitForExit(TimeSpan.FromSeconds(15));
        TestContext.Out.WriteLine($"stopped by signal {signal} in {clock.Elapsed.TotalSeconds:0.00} s\n{launch.Output}");
        Assert.That(exited, Is.True, "pai launch ended within the timeout");
        Assert.Multiple(() =>
        {
            Assert.That(launch.ExitCode, Is.Zero);
            Assert.That(launch.Output, Does.Not.Contain("escalating"));
            Assert.That(launch.Lines.Count(l => l.Contains("process has finished cleanly", StringComparison.Ordinal)), Is.EqualTo(processes));
            Assert.That(started.Where(s => Alive(s.Pid)), Is.Empty, "no process left behind");
        });
    }

    [Test]
    public void SimGraph_ComesUpWithRemapsNamespacesAndParamsFiles_AndSigintStopsEverything()
    {
        uint domain = TestNetwork.NewDomain();
        using ChildProcess launch = Launch(domain, SimGraph);
        Assert.That(launch.WaitForLine(l => l.StartsWith($"[{Listener}] ", StringComparison.Ordinal) && l.Contains("I heard: [Hello from a launch params file: "), Long),
            Is.True, "the listener hears the talker on the remapped topic, with the greeting from the params file\n" + launch.Output);
        Assert.That(launch.WaitForLine(l => l.StartsWith("[safety_controller-2] ", StringComparison.Ordinal) && l.Contains("Guarding pai_arm"), Long), Is.True, launch.Output);

        using (RosContext context = TestNetwork.Context(domain))
        {
            Assert.That(TestWait.Until(() => context.Graph.GetNodeNames().Count(n => n.Name is "speaker" or "listener" or "sim_arm" or "safety_controller") == 4, Long), Is.True);
        }

        string nodes = Pai(domain, "node", "list");
        string topics = Pai(domain, "topic", "list");
        string greeting = Pai(domain, "param", "get", "/lab/speaker", "greeting");
        string armed = Pai(domain, "param", "get", "/safety_controller", "start_enabled");
        string cameras = Pai(domain, "param", "get", "/sim_arm", "cameras");
        string rate = Pai(domain, "param", "get", "/sim_arm", "publish_rate");
        Assert.Multiple(() =>
        {
            Assert.That(nodes.Split('\n'), Is.SupersetOf(new[] { "/lab/speaker", "/lab/listener", "/sim_arm", "/safety_controller" }));
            Assert.That(topics.Split('\n'), Is.SupersetOf(new[] { "/lab/speech", "/joint_states", "/forward_position_controller/commands", "/safety_controller/policy_command" }));
            Assert.That(topics.Split('\n'), Has.None.EqualTo("/lab/chatter").And.None.EqualTo("/chatter"), "chatter is remapped");
            Assert.That(greeting, Is.EqualTo("String value is: Hello from a launch params file\n"));
            Assert.That(armed, Is.EqualTo("Boolean value is: True\n"), "from config/safety_controller_sim.yaml via $(find-pkg-share physical_ai_ros)");
            Assert.That(cameras, Is.EqualTo("String values are: ['none']\n"), "the inline value after the file's");
            Assert.That(rate, Is.EqualTo("Double value is: 100.0\n"));
        });

        StopsCleanly(launch, 2, processes: 4);
    }

    [Test]
    public void KilledNode_IsRespawnedAfterItsDelay_AndSigtermStopsTheLaunch()
    {
        uint domain = TestNetwork.NewDomain();
        using ChildProcess launch = Launch(domain, SimGraph, "ns:=respawn", "respawn_delay:=2.0");
        Assert.That(launch.WaitForLine(l => l.StartsWith($"[{Listener}] ", StringComparison.Ordinal) && l.Contains("I heard: [Hello from a launch params file: 2]"), Long),
            Is.True, launch.Output);
        int first = Started(launch).Single(s => s.Label == Talker).Pid;

        var clock = Stopwatch.StartNew();
        ExternalProcess.Run("kill", ["-9", first.ToString(CultureInfo.InvariantCulture)]);
        Assert.That(launch.WaitForLine(l => l.StartsWith($"[INFO] [{Talker}]: process started with pid [", StringComparison.Ordinal) && !l.Contains($"[{first}]"), Long),
            Is.True, launch.Output);
        double restarted = clock.Elapsed.TotalSeconds;
        int second = Started(launch).Last(s => s.Label == Talker).Pid;
        TestContext.Out.WriteLine($"talker pid {first} killed; pid {second} started {restarted:0.00} s later (respawn_delay 2.0 s)");
        Assert.Multiple(() =>
        {
            Assert.That(restarted, Is.GreaterThanOrEqualTo(2.0).And.LessThan(30.0));
            Assert.That(launch.Output, Does.Contain($"[ERROR] [{Talker}]: process has died [pid {first}, exit code 137,"));
            Assert.That(launch.Output, Does.Contain($"[INFO] [{Talker}]: respawning in 2.0 s"));
            Assert.That(Alive(first), Is.False);
        });
        Assert.That(launch.WaitForLine(l => l.StartsWith($"[{Talker}] ", StringComparison.Ordinal) && l.Contains("Publishing: 'Hello from a launch params file: 1'")
            && launch.Lines.Count(x => x.Contains($"[{Talker}] ", StringComparison.Ordinal) && x.Contains("Publishing: 'Hello from a launch params file: 1'")) == 2, Long),
            Is.True, "the respawned talker publishes from 1 again, with its params file\n" + launch.Output);
        Assert.That(Pai(domain, "node", "list").Split('\n'), Does.Contain("/respawn/speaker"));

        StopsCleanly(launch, 15, processes: 4);
    }

    [Test]
    public void RequiredNodeFailing_EndsTheLaunchWithItsExitCode()
    {
        uint domain = TestNetwork.NewDomain();
        using ChildProcess launch = Launch(domain, Path.Combine(LaunchFolder, "required_fails.launch.yaml"));
        Assert.That(launch.WaitForExit(Long), Is.True, launch.Output);
        TestContext.Out.WriteLine(launch.Output);
        Assert.Multiple(() =>
        {
            Assert.That(launch.ExitCode, Is.EqualTo(2), "sim_arm's exit code for a bad parameter");
            Assert.That(launch.Output, Does.Contain("[sim_arm-2] [ERROR] parameter 'robot' is 'ur5'"));
            Assert.That(launch.Output, Does.Contain("[ERROR] [sim_arm-2]: process has died [pid "));
            Assert.That(launch.Output, Does.Contain("[INFO] [launch]: shutting down: process sim_arm-2 ended and is marked on_exit: shutdown"));
            Assert.That(launch.Output, Does.Contain("[INFO] [talker-1]: process has finished cleanly"));
            Assert.That(Started(launch).Where(s => Alive(s.Pid)), Is.Empty);
        });
    }

    [Test]
    public void ProcessIgnoringSigint_IsEscalatedToSigterm_ThenSigkill()
    {
        // Two executables of another (ament-indexed) package: one ignores SIGINT, one SIGINT and SIGTERM.
        string prefix = Path.Combine(_logs, "install");
        Directory.CreateDirectory(Path.Combine(prefix, "share", "ament_index", "resource_index", "packages"));
        File.WriteAllText(Path.Combine(prefix, "share", "ament_index", "resource_index", "packages", "stubborn_pkg"), string.Empty);
        Directory.CreateDirectory(Path.Combine(prefix, "lib", "stubborn_pkg"));
        foreach ((string name, string signals) in new[] { ("ignores_int", "INT"), ("ignores_int_term", "INT TERM") })
        {
            string script = Path.Combine(prefix, "lib", "stubborn_pkg", name);
            File.WriteAllText(script, $"#!/bin/sh\ntrap '' {signals}\necho ready\nexec sleep 120\n");
            ExternalProcess.Run("chmod", ["+x", script]);
        }

        string file = Path.Combine(_logs, "stubborn.launch.yaml");
        File.WriteAllText(file, """
            launch:
            - node: {pkg: stubborn_pkg, exec: ignores_int, output: screen, sigterm_timeout: 1.0, sigkill_timeout: 1.0}
            - node: {pkg: stubborn_pkg, exec: ignores_int_term, output: screen, sigterm_timeout: 1.0, sigkill_timeout: 1.0}
            """);
        Dictionary<string, string?> environment = Environment(TestNetwork.NewDomain());
        environment["AMENT_PREFIX_PATH"] = prefix;
        using var launch = new ChildProcess(RepositoryRoot.Pai, ["launch", file], environment);
        Assert.That(launch.WaitForLine(l => l == "[ignores_int_term-2] ready", Long) && launch.WaitForLine(l => l == "[ignores_int-1] ready", Long), Is.True, launch.Output);
        List<(string Label, int Pid)> started = Started(launch);

        var clock = Stopwatch.StartNew();
        launch.Signal(2);
        bool exited = launch.WaitForExit(TimeSpan.FromSeconds(20));
        double seconds = clock.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine($"ended {seconds:0.00} s after SIGINT (1 s to SIGTERM, 1 s more to SIGKILL)\n{launch.Output}");
        Assert.That(exited, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(seconds, Is.GreaterThanOrEqualTo(2.0).And.LessThan(15.0));
            Assert.That(launch.ExitCode, Is.EqualTo(1), "a process that had to be escalated is not a clean end");
            Assert.That(launch.Output, Does.Contain("[ERROR] [ignores_int-1]: process[ignores_int-1] failed to terminate '1.0' seconds after receiving 'SIGINT', escalating to 'SIGTERM'"));
            Assert.That(launch.Output, Does.Contain("[ERROR] [ignores_int-1]: process has died [pid"), "SIGTERM ended it");
            Assert.That(launch.Output, Does.Not.Contain("[ERROR] [ignores_int-1]: process[ignores_int-1] failed to terminate '1.0' seconds after receiving 'SIGTERM'"));
            Assert.That(launch.Output, Does.Contain("[ERROR] [ignores_int_term-2]: process[ignores_int_term-2] failed to terminate '1.0' seconds after receiving 'SIGTERM', escalating to 'SIGKILL'"));
            Assert.That(launch.Output, Does.Contain("[ERROR] [ignores_int_term-2]: process has died [pid").And.Contain("exit code 137"));
            Assert.That(started.Where(s => Alive(s.Pid)), Is.Empty);
        });
    }

    [Test]
    public void BadLaunchFile_StartsNothing_AndNamesTheLine()
    {
        string file = Path.Combine(_logs, "bad.launch.yaml");
        File.WriteAllText(file, "launch:\n- node: {pkg: physical_ai_ros, exec: talker}\n- node:\n    pkg: physical_ai_ros\n    exec: listener\n    required: true\n");
        uint domain = TestNetwork.NewDomain();
        using ChildProcess launch = Launch(domain, file);
        Assert.That(launch.WaitForExit(Long), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(launch.ExitCode, Is.EqualTo(1));
            Assert.That(launch.Output, Does.StartWith($"pai launch: {file}:6: 'node' has attribute 'required', which pai launch does not support"));
            Assert.That(launch.Output, Does.Not.Contain("process started"));
        });
    }

    [GeneratedRegex(@"^\[INFO\] \[([^\]]+)\]: process started with pid \[(\d+)\]$")]
    private static partial Regex StartedLine();
}
