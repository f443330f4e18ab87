using System.Diagnostics;
using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client.Executors;

/// <summary>
/// Runs the callbacks of its nodes on the calling thread: subscriptions, services, incompatible-QoS
/// reports and timers (wall and ROS time), waiting on a DDS wait set in between (no polling). The wait set is rebuilt only when a node
/// gains or loses an entity; a guard condition interrupts the wait for that, for <see cref="Cancel"/> and
/// for context shutdown.
/// </summary>
public sealed class SingleThreadedExecutor : IDisposable
{
    private const nint GuardToken = 0;
    private readonly RosContext _context;
    private readonly DdsWaitSet _waitSet;
    private readonly DdsGuardCondition _guard;
    private readonly Lock _gate = new();
    private readonly List<Node> _nodes = [];
    private readonly CancellationTokenRegistration _shutdownRegistration;
    private readonly List<DdsEntity> _attached = [];
    private (IEndpoint Endpoint, EndpointEvent Event)[] _entries = [];
    private ITimer[] _timers = [];
    private nint[] _triggered = new nint[8];
    private volatile bool _dirty = true;
    private volatile bool _hasRosTimers;
    private volatile bool _cancelRequested;
    private bool _disposed;

    /// <summary>Creates an executor for nodes of <paramref name="context"/>.</summary>
    public SingleThreadedExecutor(RosContext context)
    {
        _context = context;
        _waitSet = context.Participant.CreateWaitSet();
        _guard = context.Participant.CreateGuardCondition();
        _waitSet.Attach(_guard, GuardToken);
        _shutdownRegistration = context.ShutdownToken.Register(Wake);
    }

    /// <summary>Adds a node; its callbacks run on this executor from the next wait on.</summary>
    public void AddNode(Node node)
    {
        lock (_gate)
        {
            if (_nodes.Contains(node))
            {
                return;
            }

            _nodes.Add(node);
            node.EntitiesChanged += OnEntitiesChanged;
            node.Clock.Changed += OnClockChanged;
        }

        OnEntitiesChanged();
    }

    /// <summary>Removes a node.</summary>
    public void RemoveNode(Node node)
    {
        lock (_gate)
        {
            if (!_nodes.Remove(node))
            {
                return;
            }

            node.EntitiesChanged -= OnEntitiesChanged;
            node.Clock.Changed -= OnClockChanged;
        }

        OnEntitiesChanged();
    }

    /// <summary>Runs callbacks until the context shuts down, <see cref="Cancel"/> is called or <paramref name="cancellationToken"/> is cancelled.</summary>
    public void Spin(CancellationToken cancellationToken = default)
    {
        _cancelRequested = false;
        using CancellationTokenRegistration registration = cancellationToken.Register(Wake);
        while (!cancellationToken.IsCancellationRequested && !_context.IsShutdown && !_cancelRequested)
        {
            SpinOnce(null);
        }
    }

    /// <summary>
    /// Waits until there is work or <paramref name="timeout"/> passes (null: no limit), then does the work
    /// that is ready. Returns whether any callback ran.
    /// </summary>
    public bool SpinOnce(TimeSpan? timeout)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_dirty)
        {
            Rebuild();
        }

        TimeSpan? wait = UntilNextTimer(timeout);
        if (_context.IsShutdown)
        {
            return false;
        }

        int count = _waitSet.Wait(_triggered, wait);
        bool worked = false;
        for (int i = 0; i < Math.Min(count, _triggered.Length); i++)
        {
            nint token = _triggered[i];
            if (token == GuardToken)
            {
                _guard.Take();
                continue;
            }

            int index = (int)token - 1;
            if (!_dirty && index >= 0 && index < _entries.Length)
            {
                _entries[index].Endpoint.Handle(_entries[index].Event);
                worked = true;
            }
        }

        foreach (ITimer timer in _timers)
        {
            worked |= timer.FireIfDue();
        }

        return worked;
    }

    /// <summary>Does all work that is ready now, without waiting.</summary>
    public void SpinSome()
    {
        while (SpinOnce(TimeSpan.Zero))
        {
        }
    }

    /// <summary>Makes <see cref="Spin"/> return (from any thread).</summary>
    public void Cancel()
    {
        _cancelRequested = true;
        Wake();
    }

    /// <summary>Detaches everything and deletes the wait set.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _shutdownRegistration.Dispose();
        lock (_gate)
        {
            foreach (Node node in _nodes)
            {
                node.EntitiesChanged -= OnEntitiesChanged;
                node.Clock.Changed -= OnClockChanged;
            }

            _nodes.Clear();
        }

        _waitSet.Dispose();
        _guard.Dispose();
    }

    // Simulated time can tick at kilohertz rates; it only matters to ROS-time timers.
    private void OnClockChanged()
    {
        if (_hasRosTimers)
        {
            Wake();
        }
    }

    private void OnEntitiesChanged()
    {
        _dirty = true;
        Wake();
    }

    private void Wake()
    {
        if (!_guard.IsDisposed)
        {
            try
            {
                _guard.Trigger();
            }
            catch (Exception e) when (e is ObjectDisposedException or DdsException)
            {
                // The executor or its participant is going away; nothing is left to wake.
            }
        }
    }

    private void Rebuild()
    {
        _dirty = false;
        foreach (DdsEntity entity in _attached)
        {
            _waitSet.Detach(entity);
        }

        _attached.Clear();
        Node[] nodes;
        lock (_gate)
        {
            nodes = [.. _nodes];
        }

        var entries = new List<(IEndpoint, EndpointEvent)>();
        foreach (Node node in nodes)
        {
            foreach (IEndpoint endpoint in node.Endpoints())
            {
                foreach ((DdsEntity entity, EndpointEvent ev) in endpoint.WaitEntities)
                {
                    if (entity.IsDisposed)
                    {
                        continue;
                    }

                    entries.Add((endpoint, ev));
                    _waitSet.Attach(entity, entries.Count);
                    _attached.Add(entity);
                }
            }
        }

        _entries = [.. entries];
        _timers = [.. nodes.SelectMany(n => n.Timers())];
        _hasRosTimers = _timers.Any(t => t is Time.RosTimer);
        if (_triggered.Length < _entries.Length + 1)
        {
            _triggered = new nint[_entries.Length + 8];
        }
    }

    private TimeSpan? UntilNextTimer(TimeSpan? limit)
    {
        TimeSpan? wait = limit;
        foreach (ITimer timer in _timers)
        {
            if (timer.IsCanceled || timer.TimeUntilDue() is not { } due)
            {
                continue;
            }

            if (wait is null || due < wait)
            {
                wait = due;
            }
        }

        return wait;
    }
}
