using System.Diagnostics;
using PhysicalAI.Policy.Actions;
using PhysicalAI.Policy.Cards;
using PhysicalAI.Policy.Imaging;

namespace PhysicalAI.Policy.Loop;

/// <summary>
/// Asynchronous inference as LeRobot's async client runs it: the control step pops the next action at the
/// card's rate while the next chunk is computed on an inference thread; a chunk is started when the queue
/// is down to the card's refill threshold (or after the card's steps per inference), and is blended into
/// what is queued as the card says, placed by the step its observation was taken at. A new instruction
/// flushes the queue and discards the chunk in flight. Observations older than the card's limits mean no
/// inference and no command (the queue is flushed, so the safety controller's watchdog holds the arm).
/// </summary>
/// <remarks>
/// Frames and joint states arrive on any one thread (the executor's); <see cref="Tick"/> runs on the control
/// timer; inference on its own thread (<see cref="Start"/>) or, in tests, wherever <see cref="InferIfNeeded"/>
/// is called. Nothing allocates per frame, per step or per inference; tokenizing a new instruction may.
/// </remarks>
public sealed class PolicyLoop : IDisposable
{
    private readonly PolicyRuntime _runtime;
    private readonly Func<double> _now;
    private readonly object _gate = new();
    private readonly ActionChunkQueue _queue;
    private readonly LatestFrame[] _frames;
    private readonly double[] _state;
    private readonly double[] _chunk;
    private readonly AutoResetEvent _wake = new(false);
    private double _stateStamp = double.NaN;
    private string? _instruction;
    // Counts instructions and pauses: a chunk whose inference began in an older generation is discarded.
    private long _generation;
    private string? _tokenized;
    private int _stepsSinceChunk;
    private bool _enabled = true, _freshChunk;
    private double _chunkStamp = double.NaN;
    private long _inferences, _overBudget, _staleSteps, _discarded, _failures;
    private StaleInput _lastStale;
    private Exception? _lastFailure;
    private Thread? _worker;
    private volatile bool _stopping;

    /// <param name="runtime">The policy; the loop owns it (its inputs, and its disposal) from now on.</param>
    /// <param name="now">ROS time in seconds, the clock message stamps are compared with.</param>
    /// <param name="inferenceBudget">Seconds an inference may take before it is counted over budget.</param>
    public PolicyLoop(PolicyRuntime runtime, Func<double> now, double inferenceBudget)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inferenceBudget);
        _runtime = runtime;
        _now = now;
        InferenceBudget = inferenceBudget;
        ActionOutput actions = runtime.Card.Actions;
        _queue = new ActionChunkQueue(actions.Joints.Count, actions.Horizon, actions.Blending, actions.Coefficient, actions.RefillThreshold);
        _frames = [.. runtime.Card.Cameras.Select(_ => new LatestFrame())];
        _state = new double[runtime.Card.State.Joints.Count];
        _chunk = new double[runtime.ChunkLength];
    }

    public PolicyCard Card => _runtime.Card;

    public double InferenceBudget { get; }

    /// <summary>Inference latencies (observation in to chunk out, including preprocessing).</summary>
    public LatencyWindow Latency { get; } = new();

    public long Inferences => Interlocked.Read(ref _inferences);

    public long OverBudget => Interlocked.Read(ref _overBudget);

    /// <summary>Control steps withheld because an observation was missing or stale.</summary>
    public long StaleSteps => Interlocked.Read(ref _staleSteps);

    /// <summary>Chunks computed for an instruction that changed (or a pause that began) while they ran.</summary>
    public long DiscardedChunks => Interlocked.Read(ref _discarded);

    /// <summary>Inferences that threw (a bad frame, a runtime error); the last one is <see cref="LastFailure"/>.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public Exception? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>The observation behind the last stale step.</summary>
    public StaleInput LastStale
    {
        get
        {
            lock (_gate)
            {
                return _lastStale;
            }
        }
    }

    public int QueueDepth
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public string? Instruction
    {
        get
        {
            lock (_gate)
            {
                return _instruction;
            }
        }
    }

    /// <summary>Paused loops neither infer nor command; pausing flushes the queue.</summary>
    public bool Enabled
    {
        get
        {
            lock (_gate)
            {
                return _enabled;
            }
        }

        set
        {
            lock (_gate)
            {
                _enabled = value;
                if (!value)
                {
                    _generation++;
                    FlushQueue();
                }
            }

            _wake.Set();
        }
    }

    /// <summary>A frame from camera <paramref name="camera"/> (the card's order), stamped in ROS time.</summary>
    public void OnImage(int camera, ReadOnlySpan<byte> data, int width, int height, int step, PixelEncoding encoding, double stamp)
    {
        _frames[camera].Write(data, width, height, step, encoding, stamp);
        _wake.Set();
    }

    /// <summary>The joint state, in the card's state joint order.</summary>
    public void OnJointState(ReadOnlySpan<double> positions, double stamp)
    {
        lock (_gate)
        {
            positions[.._state.Length].CopyTo(_state);
            _stateStamp = stamp;
        }
    }

    /// <summary>A new instruction: the queue is flushed and the chunk in flight discarded.</summary>
    public void SetInstruction(string instruction)
    {
        lock (_gate)
        {
            _instruction = instruction;
            _generation++;
            FlushQueue();
        }

        _wake.Set();
    }

    /// <summary>
    /// One control step: the next action into <paramref name="action"/> (the card's action joints, absolute
    /// positions) when the result is <see cref="ControlTick.Command"/>. <paramref name="observationStamp"/> is the
    /// newest camera stamp of the chunk the action came from when it is that chunk's first command, else NaN.
    /// </summary>
    public ControlTick Tick(Span<double> action, out double observationStamp)
    {
        observationStamp = double.NaN;
        double now = _now();
        lock (_gate)
        {
            if (!_enabled)
            {
                return ControlTick.Disabled;
            }

            if (Card.Language is not null && _instruction is null)
            {
                return ControlTick.NoInstruction;
            }

            if (FindStale(now) is { } stale)
            {
                _lastStale = stale;
                _staleSteps++;
                FlushQueue();
                return ControlTick.Stale;
            }

            bool popped = _queue.TryPop(action);
            if (popped)
            {
                _stepsSinceChunk++;
                if (_freshChunk)
                {
                    observationStamp = _chunkStamp;
                    _freshChunk = false;
                }
            }

            if (NeedsChunk)
            {
                _wake.Set();
            }

            return popped ? ControlTick.Command : ControlTick.Empty;
        }
    }

    /// <summary>The actions queued, oldest first (the card's action joints per row); returns how many rows.</summary>
    public int CopyQueued(Span<double> rows)
    {
        lock (_gate)
        {
            return _queue.Peek(rows);
        }
    }

    /// <summary>Runs the policy once if a chunk is due and every observation is fresh; true when it ran.</summary>
    public bool InferIfNeeded()
    {
        long generation, firstStep;
        double stateStamp;
        string? instruction;
        double now = _now();
        lock (_gate)
        {
            if (!_enabled || (Card.Language is not null && _instruction is null) || !NeedsChunk || FindStale(now) is not null)
            {
                return false;
            }

            (generation, instruction, firstStep) = (_generation, _instruction, _queue.NextStep);
            stateStamp = _stateStamp;
            _runtime.SetState(_state);
        }

        long start = Stopwatch.GetTimestamp();
        double newestFrame = double.NegativeInfinity;
        try
        {
            // Tokenized once per instruction (a pause starts a new generation, not a new instruction).
            if (instruction is not null && !ReferenceEquals(instruction, _tokenized))
            {
                _runtime.SetInstruction(instruction);
                _tokenized = instruction;
                start = Stopwatch.GetTimestamp();
            }

            for (int c = 0; c < _frames.Length; c++)
            {
                if (_frames[c].TryAcquire(out ReadOnlySpan<byte> data, out FrameInfo frame))
                {
                    try
                    {
                        _runtime.SetImage(c, data, frame.Width, frame.Height, frame.Step, frame.Encoding);
                        newestFrame = Math.Max(newestFrame, frame.Stamp);
                    }
                    finally
                    {
                        _frames[c].Release();
                    }
                }
            }

            _runtime.Infer(_chunk);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            Volatile.Write(ref _lastFailure, e);
            Interlocked.Increment(ref _failures);
            return false;
        }

        double latency = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Latency.Record(latency);
        Interlocked.Increment(ref _inferences);
        if (latency > InferenceBudget)
        {
            Interlocked.Increment(ref _overBudget);
        }

        lock (_gate)
        {
            if (generation != _generation || !_enabled)
            {
                _discarded++;
                return true;
            }

            _queue.Push(_chunk, Card.Actions.Horizon, firstStep);
            _stepsSinceChunk = 0;
            _freshChunk = true;
            // Without a camera the chunk's observation is the joint state.
            _chunkStamp = _frames.Length > 0 ? newestFrame : stateStamp;
        }

        return true;
    }

    /// <summary>Runs the policy <paramref name="runs"/> times on whatever the inputs hold, so the first real chunk is not the slow one.</summary>
    public void WarmUp(int runs)
    {
        for (int i = 0; i < runs; i++)
        {
            _runtime.Infer(_chunk);
        }
    }

    /// <summary>Starts the inference thread.</summary>
    public void Start()
    {
        if (_worker is not null)
        {
            return;
        }

        _worker = new Thread(Work) { Name = "policy inference", IsBackground = true };
        _worker.Start();
    }

    /// <summary>Stops the inference thread and disposes the runtime.</summary>
    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        _worker?.Join();
        _wake.Dispose();
        _runtime.Dispose();
    }

    private bool NeedsChunk => _queue.NeedsRefill || _stepsSinceChunk >= Card.Actions.StepsPerInference;

    private void Work()
    {
        // Woken by control steps that want a chunk, new frames and instructions; the timeout only bounds how
        // long a chunk waits for an observation that turned fresh without a wake-up.
        int idleMs = Math.Max(1, (int)(500 / Card.ControlRate));
        while (!_stopping)
        {
            if (!InferIfNeeded())
            {
                _wake.WaitOne(idleMs);
            }
        }
    }

    private StaleInput? FindStale(double now)
    {
        if (!(now - _stateStamp <= Card.State.MaxAge))
        {
            return new StaleInput(-1, double.IsNaN(_stateStamp) ? double.PositiveInfinity : now - _stateStamp, Card.State.MaxAge);
        }

        for (int c = 0; c < _frames.Length; c++)
        {
            double stamp = _frames[c].Stamp;
            if (!(now - stamp <= Card.Cameras[c].MaxAge))
            {
                return new StaleInput(c, double.IsNaN(stamp) ? double.PositiveInfinity : now - stamp, Card.Cameras[c].MaxAge);
            }
        }

        return null;
    }

    private void FlushQueue()
    {
        _queue.Flush();
        _stepsSinceChunk = 0;
        _freshChunk = false;
    }
}
