using BenchmarkDotNet.Attributes;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>
/// The managed cost of the transport's hot paths through real Cyclone DDS, in one process on a loopback
/// domain of its own: publishing a 7-joint JointState, and publishing it and receiving it into a reused
/// message through the executor, and reading a double parameter (as a control loop might each cycle).
/// Target: 0 B allocated for each.
/// </summary>
[MemoryDiagnoser]
public class TransportAllocationBenchmark
{
    private RosContext _context = null!;
    private Node _node = null!;
    private SingleThreadedExecutor _executor = null!;
    private Publisher<JointState> _publisher = null!;
    private Publisher<JointState> _loopPublisher = null!;
    private readonly JointState _message = new()
    {
        Header = new Header { FrameId = "base_link" },
        Name = [.. Enumerable.Range(1, 7).Select(i => $"joint_{i}")],
        Position = new double[7],
        Velocity = new double[7],
        Effort = new double[7],
    };

    private long _received;

    [GlobalSetup]
    public void Setup()
    {
        _context = RosContext.Create([], new RosContextOptions
        {
            Environment = new RosEnvironment { DomainId = (uint)(200 + (Environment.ProcessId % 30)), DiscoveryRange = DiscoveryRange.Localhost },
            InstallSignalHandlers = false,
            ConsoleLogging = false,
        });
        _node = new Node(_context, "allocation_benchmark");
        _publisher = _node.CreatePublisher<JointState>("/bench/alloc_publish_only");
        _loopPublisher = _node.CreatePublisher<JointState>("/bench/alloc_loop");
        _node.CreateSubscription<JointState>("/bench/alloc_loop", _ => _received++, options: new SubscriptionOptions { ReuseMessage = true });
        _node.DeclareParameter("max_velocity", 1.5);
        _executor = new SingleThreadedExecutor(_context);
        _executor.AddNode(_node);
        while (_loopPublisher.SubscriptionCount == 0)
        {
            _executor.SpinOnce(TimeSpan.FromMilliseconds(10));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _executor.Dispose();
        _node.Dispose();
        _context.Dispose();
    }

    [Benchmark]
    public void Publish() => _publisher.Publish(_message);

    [Benchmark]
    public double GetDoubleParameter() => _node.GetParameter<double>("max_velocity");

    [Benchmark]
    public long PublishAndReceiveReused()
    {
        long before = _received;
        _loopPublisher.Publish(_message);
        while (_received == before)
        {
            _executor.SpinOnce(TimeSpan.FromSeconds(1));
        }

        return _received;
    }
}
