using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client.Arguments;
using PhysicalAI.Ros.Client.Graph;
using PhysicalAI.Ros.Client.Names;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Client.Time;
using PhysicalAI.Ros.Dds;
using PhysicalAI.Ros.Interfaces;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Ros.Client;

/// <summary>
/// A ROS 2 node (rclcpp's <c>rclcpp::Node</c>): a named member of the graph that owns publishers,
/// subscriptions and timers. Names it is given are expanded and remapped the way rcl does.
/// </summary>
/// <remarks>
/// Create entities from any thread; callbacks run on the executor the node is added to. Disposing the
/// node deletes its entities and removes it from the graph.
/// </remarks>
public sealed partial class Node : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<IEndpoint> _endpoints = [];
    private readonly List<ITimer> _timers = [];
    private readonly NameResolver _names;
    private bool _disposed;

    /// <summary>Creates a node named <paramref name="name"/> in <paramref name="context"/>.</summary>
    /// <exception cref="NameValidationException">The name or namespace (after remapping) is not a valid ROS name.</exception>
    /// <exception cref="RosArgumentsException">The node-local arguments are invalid.</exception>
    /// <exception cref="ParamsFileException">A node-local params file cannot be used.</exception>
    /// <exception cref="InvalidParameterTypeException">An override of <c>use_sim_time</c> is not a bool.</exception>
    public Node(RosContext context, string name, NodeOptions? options = null)
    {
        options ??= new NodeOptions();
        Context = context;
        RosArguments local = RosArgumentsParser.Parse(options.Arguments.Prepend("--ros-args").ToList());
        _names = new NameResolver(local.Remaps, options.UseGlobalArguments ? context.Arguments.Remaps : []);

        RosNames.ValidateNodeName(name);
        string ns = string.IsNullOrEmpty(options.Namespace) ? "/" : options.Namespace;
        if (!ns.StartsWith('/'))
        {
            ns = "/" + ns;
        }

        RosNames.ValidateNamespace(ns);
        Name = _names.ResolveNodeName(name);
        Namespace = _names.ResolveNamespace(Name, ns);
        RosNames.ValidateNodeName(Name);
        RosNames.ValidateNamespace(Namespace);
        FullyQualifiedName = Namespace == "/" ? "/" + Name : Namespace + "/" + Name;
        LoggerName = FullyQualifiedName.TrimStart('/').Replace('/', '.');
        Logger = context.CreateLogger(LoggerName);
        Parameters = new ParameterStore(FullyQualifiedName, CollectParameterOverrides(context, local, options), options.AllowUndeclaredParameters, Logger);
        context.Register(this);
        try
        {
            if (options.EnableRosout)
            {
                context.Rosout?.Attach(this);
            }

            StartParameters(options);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The context the node belongs to.</summary>
    public RosContext Context { get; }

    /// <summary>The node's name (after remapping).</summary>
    public string Name { get; }

    /// <summary>The node's namespace (after remapping), starting with '/'.</summary>
    public string Namespace { get; }

    /// <summary><c>/namespace/name</c>.</summary>
    public string FullyQualifiedName { get; }

    /// <summary>The logger name: the fully qualified name with dots (<c>arm.safety_controller</c>), as rclcpp names it.</summary>
    public string LoggerName { get; }

    /// <summary>The node's logger; messages go to the console in ROS 2's format (and to /rosout where enabled).</summary>
    public ILogger Logger { get; }

    /// <summary>The ROS graph.</summary>
    public RosGraph Graph => Context.Graph;

    /// <summary>Raised (on the thread that changed it) when the node gains or loses an endpoint or timer.</summary>
    internal event Action? EntitiesChanged;

    /// <summary>The fully qualified, remapped name a topic (or service) name refers to for this node.</summary>
    /// <exception cref="NameValidationException">The name is invalid.</exception>
    public string ResolveTopicName(string name, bool isService = false) =>
        _names.ResolveTopicName(name, Name, Namespace, isService);

    /// <summary>Creates a publisher of <typeparamref name="T"/> on <paramref name="topic"/>.</summary>
    /// <exception cref="NameValidationException">The topic name is invalid.</exception>
    public Publisher<T> CreatePublisher<T>(string topic, QosProfile? qos = null, PublisherOptions? options = null)
        where T : class, IRosMessage<T>, new()
    {
        var publisher = new Publisher<T>(this, ResolveTopicName(topic), qos ?? QosProfiles.Default, options ?? new PublisherOptions());
        Add(publisher);
        return publisher;
    }

    /// <summary>Creates a subscription to <typeparamref name="T"/> on <paramref name="topic"/>; <paramref name="callback"/> runs on the executor.</summary>
    /// <exception cref="NameValidationException">The topic name is invalid.</exception>
    public Subscription<T> CreateSubscription<T>(string topic, Action<T> callback, QosProfile? qos = null, SubscriptionOptions? options = null)
        where T : class, IRosMessage<T>, new()
    {
        var subscription = new Subscription<T>(this, ResolveTopicName(topic), qos ?? QosProfiles.Default, callback, options ?? new SubscriptionOptions());
        Add(subscription);
        subscription.Activate();
        return subscription;
    }

    /// <summary>Creates a publisher of a type chosen at run time (tools such as <c>pai topic pub</c>).</summary>
    public GenericPublisher CreateGenericPublisher(string topic, RosMessageDescriptor type, QosProfile? qos = null)
    {
        var publisher = new GenericPublisher(this, ResolveTopicName(topic), qos ?? QosProfiles.Default, type);
        Add(publisher);
        return publisher;
    }

    /// <summary>Creates a subscription to a type chosen at run time; the callback gets the deserialized message.</summary>
    public GenericSubscription CreateGenericSubscription(string topic, RosMessageDescriptor type, Action<object> callback, QosProfile? qos = null)
    {
        var subscription = new GenericSubscription(this, ResolveTopicName(topic), qos ?? QosProfiles.Default, type, callback);
        Add(subscription);
        return subscription;
    }

    /// <summary>
    /// Creates a service server: <paramref name="handler"/> runs on the executor for each request and its
    /// result is the reply. <typeparamref name="TRequest"/> and <typeparamref name="TResponse"/> are <c>S.Request</c> and <c>S.Response</c> of one service.
    /// </summary>
    /// <exception cref="NameValidationException">The service name is invalid.</exception>
    /// <exception cref="ArgumentException">The request and response are not of one service.</exception>
    public Services.Service<TRequest, TResponse> CreateService<TRequest, TResponse>(string name, Func<TRequest, TResponse> handler, QosProfile? qos = null)
        where TRequest : class, IRosMessage<TRequest>, new()
        where TResponse : class, IRosMessage<TResponse>, new()
    {
        var service = new Services.Service<TRequest, TResponse>(this, ResolveTopicName(name, isService: true), handler, qos ?? QosProfiles.ServicesDefault);
        Add(service);
        return service;
    }

    /// <summary>Creates a service client for <c>S.Request</c>/<c>S.Response</c> of one service.</summary>
    /// <exception cref="NameValidationException">The service name is invalid.</exception>
    /// <exception cref="ArgumentException">The request and response are not of one service.</exception>
    public Services.ServiceClient<TRequest, TResponse> CreateClient<TRequest, TResponse>(string name, QosProfile? qos = null)
        where TRequest : class, IRosMessage<TRequest>, new()
        where TResponse : class, IRosMessage<TResponse>, new()
    {
        var client = new Services.ServiceClient<TRequest, TResponse>(this, ResolveTopicName(name, isService: true), qos ?? QosProfiles.ServicesDefault);
        Add(client);
        return client;
    }

    /// <summary>Creates a client for a service type chosen at run time (tools such as <c>pai service call</c>).</summary>
    public Services.GenericServiceClient CreateGenericClient(string name, RosServiceDescriptor type, QosProfile? qos = null)
    {
        var client = new Services.GenericServiceClient(this, ResolveTopicName(name, isService: true), type.Request, type.Response, qos ?? QosProfiles.ServicesDefault);
        Add(client);
        return client;
    }

    /// <summary>
    /// Creates a timer on the monotonic wall clock (rclcpp's <c>create_wall_timer</c>) that calls
    /// <paramref name="callback"/> every <paramref name="period"/> on the executor, whatever <c>use_sim_time</c> says.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is not positive.</exception>
    public WallTimer CreateWallTimer(TimeSpan period, Action callback) => AddTimer(new WallTimer(period, callback, this));

    /// <summary>
    /// Creates a timer on the node's ROS clock (rclcpp's <c>create_timer</c>): every <paramref name="period"/>
    /// of ROS time, which is simulated time while <c>use_sim_time</c> is true.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is not positive.</exception>
    public RosTimer CreateTimer(TimeSpan period, Action callback) => AddTimer(new RosTimer(period, callback, this));

    private T AddTimer<T>(T timer)
        where T : ITimer
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _timers.Add(timer);
        }

        EntitiesChanged?.Invoke();
        return timer;
    }

    /// <summary>Deletes the node's entities and removes it from the graph.</summary>
    public void Dispose()
    {
        IEndpoint[] endpoints;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            endpoints = [.. _endpoints];
            _endpoints.Clear();
            foreach (ITimer timer in _timers)
            {
                timer.Cancel();
            }

            _timers.Clear();
        }

        Context.Rosout?.Detach(this);
        EntitiesChanged?.Invoke();
        foreach (IEndpoint endpoint in endpoints)
        {
            endpoint.DisposeEntity();
        }

        Context.Unregister(this);
    }

    /// <inheritdoc/>
    public override string ToString() => FullyQualifiedName;

    /// <summary>The endpoints the executor serves.</summary>
    internal IEndpoint[] Endpoints()
    {
        lock (_gate)
        {
            return [.. _endpoints];
        }
    }

    /// <summary>The timers the executor serves.</summary>
    internal ITimer[] Timers()
    {
        lock (_gate)
        {
            return [.. _timers];
        }
    }

    /// <summary>What <c>ros_discovery_info</c> says about this node.</summary>
    internal NodeEntitiesInfo EntitiesInfo()
    {
        lock (_gate)
        {
            return new NodeEntitiesInfo(
                Namespace,
                Name,
                [.. _endpoints.SelectMany(e => e.ReaderGids)],
                [.. _endpoints.SelectMany(e => e.WriterGids)]);
        }
    }

    /// <summary>Removes one endpoint (disposing a publisher or subscription calls this).</summary>
    internal void Remove(IEndpoint endpoint)
    {
        bool removed;
        lock (_gate)
        {
            removed = _endpoints.Remove(endpoint);
        }

        if (removed)
        {
            EntitiesChanged?.Invoke();
            Context.PublishGraph();
        }
    }

    /// <summary>Removes one timer.</summary>
    internal void Remove(ITimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }

        EntitiesChanged?.Invoke();
    }

    /// <summary>The USER_DATA of this node's endpoints of a type with <paramref name="typeHash"/>: Jazzy announces the type hash, Humble nothing.</summary>
    internal byte[]? EndpointUserData(string typeHash, params (string Key, string Value)[] extra)
    {
        if (Context.Distro == RosDistro.Humble)
        {
            return extra.Length == 0 ? null : UserData.Format(extra);
        }

        return UserData.Format([.. extra, ("typehash", typeHash)]);
    }

    internal void Add(IEndpoint endpoint)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                endpoint.DisposeEntity();
                throw new ObjectDisposedException(FullyQualifiedName);
            }

            _endpoints.Add(endpoint);
        }

        EntitiesChanged?.Invoke();
        Context.PublishGraph();
    }
}
