namespace PhysicalAI.Ros.Client.Time;

/// <summary>
/// A periodic callback on its node's ROS clock (rclcpp's <c>create_timer</c>): with <c>use_sim_time</c> it
/// fires as <c>/clock</c> advances, however fast or slow the simulation runs. Missed periods are skipped,
/// not replayed; if time jumps backwards the period restarts from the new time, as rcl's timers do.
/// </summary>
public sealed class RosTimer : ITimer
{
    private readonly Action _callback;
    private readonly Node _node;
    private readonly long _period;
    private long _nextDue;
    private long _lastSeen;
    private volatile bool _canceled;

    internal RosTimer(TimeSpan period, Action callback, Node node)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        Period = period;
        _period = period.Ticks * 100;
        _callback = callback;
        _node = node;
        Restart();
    }

    /// <summary>Time between calls, in ROS time.</summary>
    public TimeSpan Period { get; }

    /// <summary>Whether the timer was canceled.</summary>
    public bool IsCanceled => _canceled;

    /// <summary>How many times the callback has run.</summary>
    public long CallCount { get; private set; }

    /// <summary>Stops the timer; it will not fire again unless reset.</summary>
    public void Cancel() => _canceled = true;

    /// <summary>Restarts the period from now (and un-cancels).</summary>
    public void Reset()
    {
        Restart();
        _canceled = false;
    }

    /// <summary>Removes the timer from its node.</summary>
    public void Dispose()
    {
        Cancel();
        _node.Remove(this);
    }

    TimeSpan? ITimer.TimeUntilDue()
    {
        if (_node.Clock.IsSimulated)
        {
            return null;
        }

        long wait = Interlocked.Read(ref _nextDue) - _node.Clock.Now().Nanoseconds;
        return TimeSpan.FromTicks(Math.Max(0, wait) / 100);
    }

    bool ITimer.FireIfDue()
    {
        if (_canceled)
        {
            return false;
        }

        long now = _node.Clock.Now().Nanoseconds;
        long last = Interlocked.Exchange(ref _lastSeen, now);
        if (now < last)
        {
            Interlocked.Exchange(ref _nextDue, now + _period);
            return false;
        }

        long due = Interlocked.Read(ref _nextDue);
        if (now < due)
        {
            return false;
        }

        long missed = (now - due) / _period;
        Interlocked.Exchange(ref _nextDue, due + ((missed + 1) * _period));
        CallCount++;
        _callback();
        return true;
    }

    private void Restart()
    {
        long now = _node.Clock.Now().Nanoseconds;
        Interlocked.Exchange(ref _lastSeen, now);
        Interlocked.Exchange(ref _nextDue, now + _period);
    }
}
