using System.Diagnostics;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Interfaces.DiagnosticMsgs.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// sim_arm (no cameras) and safety_controller (armed), each its own process, and this process's observer of
/// the arm's joint states and the controller's diagnostics, on one domain: the rig of the tests that measure
/// how the safety controller moves and stops the arm.
/// </summary>
internal sealed class SimArmUnderSafety : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    public SimArmUnderSafety(string observer, params string[] safetyArgs)
    {
        Domain = TestNetwork.NewDomain();
        Sim = new ChildProcess(RepositoryRoot.Pai, ["run", "sim_arm", "--ros-args", "-p", "cameras:=[none]"], TestNetwork.Environment(Domain));
        Safety = new ChildProcess(RepositoryRoot.Pai, ["run", "safety_controller", "--ros-args", "-p", "start_enabled:=true", .. safetyArgs], TestNetwork.Environment(Domain));
        Context = TestNetwork.Context(Domain);
        Node = new Node(Context, observer);
        Node.CreateSubscription<JointState>("/joint_states", m => { State = m; StateAt = Clock.Elapsed.TotalSeconds; });
        Node.CreateSubscription<DiagnosticArray>("/diagnostics", m => Diagnostics = m.Status[0]);
        Executor = new SingleThreadedExecutor(Context);
        Executor.AddNode(Node);
        Assert.That(Safety.WaitForLine(l => l.Contains("Guarding pai_arm"), Long), Is.True, Safety.Output + Sim.Output);
    }

    public uint Domain { get; }

    public ChildProcess Sim { get; }

    public ChildProcess Safety { get; }

    public RosContext Context { get; }

    public Node Node { get; }

    public SingleThreadedExecutor Executor { get; }

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    public JointState? State { get; private set; }

    public double StateAt { get; private set; }

    public DiagnosticStatus? Diagnostics { get; private set; }

    public double Position => State!.Position[0];

    public double Velocity => State is null ? 0 : State.Velocity[0];

    public bool AtRest => State is not null && State.Velocity.All(v => Math.Abs(v) < 1e-3);

    public string Value(string key) => Diagnostics?.Values.FirstOrDefault(v => v.Key == key)?.Value ?? string.Empty;

    public bool Spin(Func<bool> until, TimeSpan timeout, Action? each = null) =>
        TestWait.Spin(Executor, () => { each?.Invoke(); return until(); }, timeout);

    /// <summary>Seconds from now until the arm is at rest; infinity if not within the limit.</summary>
    public double TimeToRest(double limit) => TimeToRest(Clock.Elapsed.TotalSeconds, limit);

    /// <summary>Seconds from <paramref name="since"/> until the arm is at rest, seen in a state stamped after it; infinity if not within the limit.</summary>
    public double TimeToRest(double since, double limit, Action? each = null)
    {
        Spin(() => AtRest && StateAt > since, TimeSpan.FromSeconds(limit), each);
        return AtRest && StateAt > since ? StateAt - since : double.PositiveInfinity;
    }

    /// <summary>How far the arm's joints move in <paramref name="seconds"/> (the largest of them).</summary>
    public double Drift(double seconds, Action? each = null)
    {
        double[] before = [.. State!.Position];
        Spin(() => false, TimeSpan.FromSeconds(seconds), each);
        return State!.Position.Zip(before).Max(p => Math.Abs(p.First - p.Second));
    }

    public void Dispose()
    {
        Executor.Dispose();
        Node.Dispose();
        Context.Dispose();
        Safety.Dispose();
        Sim.Dispose();
    }
}
