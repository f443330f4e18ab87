using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client.Arguments;
using PhysicalAI.Ros.Client.Graph;
using PhysicalAI.Ros.Client.Logging;
using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client;

/// <summary>
/// The ROS 2 context of a process (rclcpp's <c>rclcpp::Context</c>): the parsed command line, the DDS
/// participant every node shares, the ROS graph, logging, and shutdown. Dispose it to destroy every DDS
/// entity it created.
/// </summary>
public sealed class RosContext : IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _gate = new();
    private readonly List<Node> _nodes = [];
    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly DdsWriter _graphWriter;
    private readonly ILogger _logger;
    private bool _disposed;

    private RosContext(RosArguments arguments, RosEnvironment environment, RosContextOptions options)
    {
        Arguments = arguments;
        Environment = environment;
        Levels = new RosLogLevelSettings { Default = arguments.LogLevel ?? RosLogLevel.Info };
        foreach ((string logger, RosLogLevel level) in arguments.LoggerLevels)
        {
            Levels.Set(logger, level);
        }

        LoggerProvider = new RosLoggerProvider(Levels);
        if (options.ConsoleLogging && arguments.StdoutLogs != false)
        {
            LoggerProvider.AddSink(options.ConsoleSink ?? new RosConsoleSink());
        }

        ParameterOverrides = Parameters.ParameterOverrides.From(arguments);
        if (arguments.RosoutLogs != false)
        {
            Rosout = new RosoutSink();
            LoggerProvider.AddSink(Rosout);
        }

        _logger = LoggerProvider.CreateLogger("rcl");
        foreach (string warning in arguments.Warnings)
        {
            _logger.LogWarning("{Warning}", warning);
        }

        string enclave = arguments.Enclave ?? "/";
        Participant = DdsParticipant.Create(environment.DomainId, environment.CycloneConfiguration(), UserData.Format(("enclave", enclave)));
        try
        {
            Graph = new RosGraph(Participant, environment.Distro, LocalNodes);
            _graphWriter = Participant.CreateWriter(
                ParticipantEntitiesInfoCodec.TopicName,
                ParticipantEntitiesInfoCodec.TypeName,
                new DdsQos
                {
                    Reliability = DdsReliability.Reliable,
                    Durability = DdsDurability.TransientLocal,
                    DurabilityServiceFromHistory = true,
                    History = DdsHistory.KeepLast,
                    Depth = 1,
                });
            PublishGraph();
        }
        catch
        {
            Participant.Dispose();
            throw;
        }

        if (options.InstallSignalHandlers)
        {
            foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            {
                _signals.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    // The first signal asks for a clean shutdown; the handler then steps aside so a
                    // second one terminates the process the ordinary way.
                    context.Cancel = true;
                    Shutdown(signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM");
                }));
            }
        }
    }

    /// <summary>The ROS arguments this context was created with.</summary>
    public RosArguments Arguments { get; }

    /// <summary>The ROS environment settings in force.</summary>
    public RosEnvironment Environment { get; }

    /// <summary>DDS domain id.</summary>
    public uint DomainId => Environment.DomainId;

    /// <summary>Graph conventions followed.</summary>
    public RosDistro Distro => Environment.Distro;

    /// <summary>The ROS graph as this process sees it.</summary>
    public RosGraph Graph { get; }

    /// <summary>Log severity thresholds.</summary>
    public RosLogLevelSettings Levels { get; }

    /// <summary>The logging provider nodes log through; add sinks to it.</summary>
    public RosLoggerProvider LoggerProvider { get; }

    /// <summary>Cancelled when the context shuts down (signal, <see cref="Shutdown"/> or dispose).</summary>
    public CancellationToken ShutdownToken => _shutdown.Token;

    /// <summary>Whether shutdown was requested.</summary>
    public bool IsShutdown => _shutdown.IsCancellationRequested;

    /// <summary>Why the context shut down, once it has.</summary>
    public string? ShutdownReason { get; private set; }

    /// <summary>Initial parameter values from the command line's params files and <c>-p</c>, for every node of the context.</summary>
    public Parameters.ParameterOverrides ParameterOverrides { get; }

    internal DdsParticipant Participant { get; }

    /// <summary>The /rosout publishing sink, unless <c>--disable-rosout-logs</c>.</summary>
    internal RosoutSink? Rosout { get; }

    /// <summary>
    /// Creates a context from a program's command line (<c>--ros-args</c> sections) and the ROS_* environment.
    /// </summary>
    /// <exception cref="RosArgumentsException">The ROS arguments or environment are invalid.</exception>
    /// <exception cref="Parameters.ParamsFileException">A params file cannot be read or is malformed.</exception>
    /// <exception cref="DdsLibraryNotFoundException">Cyclone DDS is not installed.</exception>
    public static RosContext Create(IReadOnlyList<string> args, RosContextOptions? options = null)
    {
        options ??= new RosContextOptions();
        RosArguments arguments = RosArgumentsParser.Parse(args);
        RosEnvironment environment = options.Environment ?? RosEnvironment.FromProcess();
        return new RosContext(arguments, environment, options);
    }

    /// <summary>Requests shutdown: executors return and <see cref="ShutdownToken"/> is cancelled.</summary>
    public void Shutdown(string reason = "user request")
    {
        lock (_gate)
        {
            if (_shutdown.IsCancellationRequested)
            {
                return;
            }

            ShutdownReason = reason;
            foreach (PosixSignalRegistration registration in _signals)
            {
                registration.Dispose();
            }

            _signals.Clear();
        }

        _shutdown.Cancel();
    }

    /// <summary>Shuts down and deletes every DDS entity of the context.</summary>
    public void Dispose()
    {
        Node[] nodes;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            nodes = [.. _nodes];
        }

        Shutdown("context disposed");
        foreach (Node node in nodes)
        {
            node.Dispose();
        }

        Graph.Dispose();
        _graphWriter.Dispose();
        Participant.Dispose();
        _shutdown.Dispose();
    }

    internal ILogger CreateLogger(string name) => LoggerProvider.CreateLogger(name);

    internal void Register(Node node)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_nodes.Any(n => n.FullyQualifiedName == node.FullyQualifiedName))
            {
                _logger.LogWarning(
                    "Another node named '{Name}' already exists in this process; ROS 2 tools cannot tell nodes with the same name apart",
                    node.FullyQualifiedName);
            }

            _nodes.Add(node);
        }

        PublishGraph();
    }

    internal void Unregister(Node node)
    {
        lock (_gate)
        {
            _nodes.Remove(node);
            if (_disposed)
            {
                return;
            }
        }

        PublishGraph();
    }

    /// <summary>Announces this participant's nodes and endpoints on <c>ros_discovery_info</c> (the whole state, every time).</summary>
    internal void PublishGraph()
    {
        lock (_gate)
        {
            if (_graphWriter is null || _graphWriter.IsDisposed)
            {
                return;
            }

            IReadOnlyList<NodeEntitiesInfo> nodes = LocalNodes();
            int size = ParticipantEntitiesInfoCodec.Measure(Distro, nodes);
            byte[] payload = new byte[size + 4];
            int length = ParticipantEntitiesInfoCodec.Write(payload, Distro, Participant.Gid, nodes);
            _graphWriter.Write(payload.AsSpan(0, length));
        }
    }

    private IReadOnlyList<NodeEntitiesInfo> LocalNodes()
    {
        lock (_gate)
        {
            return [.. _nodes.Select(n => n.EntitiesInfo())];
        }
    }
}
