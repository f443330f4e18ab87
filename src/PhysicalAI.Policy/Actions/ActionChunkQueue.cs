namespace PhysicalAI.Policy.Actions;

/// <summary>
/// The actions waiting to be executed, one per control step: chunks from the policy go in (merged with what
/// is queued as <see cref="Blending"/> says), the control timer pops one per step, and
/// <see cref="NeedsRefill"/> tells the inference loop when to start the next chunk (at the refill threshold,
/// so it is ready before the queue runs dry). A chunk is placed by the step its observation was taken at,
/// so the steps executed while it was being computed are skipped. Fixed capacity; allocates nothing.
/// </summary>
public sealed class ActionChunkQueue
{
    private readonly double[] _values;
    private readonly double[] _weightSum;
    private readonly int[] _predictions;
    private readonly int _dimensions;
    private long _head;
    private int _count;

    /// <param name="dimensions">Values per action.</param>
    /// <param name="capacity">Most actions queued (at least the chunk length).</param>
    /// <param name="blending">How chunks are merged.</param>
    /// <param name="coefficient">The ensemble coefficient, or the new chunk's weight for the overlap.</param>
    /// <param name="refillThreshold">Refill when this many actions or fewer are left.</param>
    public ActionChunkQueue(int dimensions, int capacity, ChunkBlending blending, double coefficient, int refillThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        if (blending == ChunkBlending.WeightedOverlap && !(coefficient >= 0 && coefficient <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(coefficient), coefficient, "the overlap weight of the new chunk is in 0..1");
        }

        _dimensions = dimensions;
        _values = new double[capacity * dimensions];
        _weightSum = new double[capacity];
        _predictions = new int[capacity];
        Capacity = capacity;
        Blending = blending;
        Coefficient = coefficient;
        RefillThreshold = refillThreshold;
    }

    public int Capacity { get; }

    public ChunkBlending Blending { get; }

    public double Coefficient { get; }

    public int RefillThreshold { get; }

    /// <summary>Actions queued.</summary>
    public int Count => _count;

    /// <summary>The step the next <see cref="TryPop"/> executes.</summary>
    public long NextStep => _head;

    /// <summary>Whether the next chunk should be started.</summary>
    public bool NeedsRefill => _count <= RefillThreshold;

    /// <summary>Forgets every queued action (a new instruction).</summary>
    public void Flush()
    {
        _count = 0;
        Array.Clear(_predictions);
    }

    /// <summary>
    /// Merges a chunk of <paramref name="length"/> actions (row by row in <paramref name="actions"/>) whose first
    /// action is for step <paramref name="firstStep"/>. Actions for steps already executed are dropped.
    /// Returns how many were queued.
    /// </summary>
    public int Push(ReadOnlySpan<double> actions, int length, long firstStep)
    {
        if (actions.Length < length * _dimensions)
        {
            throw new ArgumentException($"{actions.Length} values for {length} actions of {_dimensions}");
        }

        if (firstStep > _head)
        {
            // A chunk is computed from an observation already taken: it cannot begin after the next step.
            throw new ArgumentOutOfRangeException(nameof(firstStep), firstStep, $"a chunk must start at or before the next step ({_head})");
        }

        int skip = (int)(_head - firstStep);
        if (Blending == ChunkBlending.None)
        {
            _count = 0;
            Array.Clear(_predictions);
        }

        int queued = 0;
        for (int k = skip; k < length; k++)
        {
            long step = firstStep + k;
            int offset = (int)(step - _head);
            if (offset >= Capacity)
            {
                break;
            }

            int slot = Slot(step);
            ReadOnlySpan<double> incoming = actions.Slice(k * _dimensions, _dimensions);
            Span<double> value = _values.AsSpan(slot * _dimensions, _dimensions);
            bool existing = offset < _count && _predictions[slot] > 0;
            if (!existing)
            {
                incoming.CopyTo(value);
                _predictions[slot] = 1;
                _weightSum[slot] = 1;
            }
            else if (Blending == ChunkBlending.WeightedOverlap)
            {
                for (int d = 0; d < _dimensions; d++)
                {
                    value[d] = (value[d] * (1 - Coefficient)) + (incoming[d] * Coefficient);
                }

                _predictions[slot]++;
            }
            else
            {
                // Running weighted mean; the i-th prediction (0 = oldest) weighs exp(−m·i).
                double weight = Math.Exp(-Coefficient * _predictions[slot]);
                double total = _weightSum[slot] + weight;
                for (int d = 0; d < _dimensions; d++)
                {
                    value[d] = ((value[d] * _weightSum[slot]) + (incoming[d] * weight)) / total;
                }

                _weightSum[slot] = total;
                _predictions[slot]++;
            }

            _count = Math.Max(_count, offset + 1);
            queued++;
        }

        return queued;
    }

    /// <summary>Takes the action for <see cref="NextStep"/> into <paramref name="action"/>; false when the queue is empty.</summary>
    public bool TryPop(Span<double> action)
    {
        if (_count == 0)
        {
            return false;
        }

        int slot = Slot(_head);
        _values.AsSpan(slot * _dimensions, _dimensions).CopyTo(action);
        _predictions[slot] = 0;
        _head++;
        _count--;
        return true;
    }

    /// <summary>Copies the queued actions, next first, into <paramref name="rows"/> (as many as fit); returns how many.</summary>
    public int Peek(Span<double> rows)
    {
        int n = Math.Min(_count, rows.Length / _dimensions);
        for (int k = 0; k < n; k++)
        {
            _values.AsSpan(Slot(_head + k) * _dimensions, _dimensions).CopyTo(rows.Slice(k * _dimensions, _dimensions));
        }

        return n;
    }

    private int Slot(long step) => (int)(step % Capacity);
}
