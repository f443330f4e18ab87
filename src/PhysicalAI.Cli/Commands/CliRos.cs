using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Executors;

namespace PhysicalAI.Cli.Commands;

/// <summary>
/// The ROS context, hidden node and executor a <c>pai</c> command works through. Like ros2cli's
/// <c>_ros2cli_PID</c>, the node's name starts with an underscore so node listings hide it.
/// </summary>
internal sealed class CliRos : IDisposable
{
    // Like ros2cli's nodes: no parameter services or events of its own to clutter the graph.
    private static readonly NodeOptions ToolNode = new()
    {
        StartParameterServices = false,
        StartParameterEventPublisher = false,
        EnableRosout = false,
    };

    private CliRos(RosContext context, Node node)
    {
        Context = context;
        Node = node;
        Executor = new SingleThreadedExecutor(context);
        Executor.AddNode(node);
    }

    public RosContext Context { get; }

    public Node Node { get; }

    public SingleThreadedExecutor Executor { get; }

    public static CliRos Create(string verb) =>
        Create(verb, []);

    public static CliRos Create(string verb, IReadOnlyList<string> rosArgs)
    {
        RosContext context = RosContext.Create(rosArgs);
        try
        {
            return new CliRos(context, new Node(context, $"_pai_{verb}_{Environment.ProcessId}", ToolNode));
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>Lets discovery run for <paramref name="time"/> (or until shutdown), serving callbacks meanwhile.</summary>
    public void Spin(TimeSpan time)
    {
        DateTime end = DateTime.UtcNow + time;
        while (!Context.IsShutdown && DateTime.UtcNow < end)
        {
            Executor.SpinOnce(end - DateTime.UtcNow);
        }
    }

    /// <summary>Spins until <paramref name="condition"/> holds, the time runs out or the context shuts down.</summary>
    public bool SpinUntil(Func<bool> condition, TimeSpan timeout)
    {
        DateTime end = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (Context.IsShutdown || DateTime.UtcNow >= end)
            {
                return false;
            }

            Executor.SpinOnce(TimeSpan.FromMilliseconds(Math.Min(100, Math.Max(1, (end - DateTime.UtcNow).TotalMilliseconds))));
        }

        return true;
    }

    public void Dispose()
    {
        Executor.Dispose();
        Node.Dispose();
        Context.Dispose();
    }
}
