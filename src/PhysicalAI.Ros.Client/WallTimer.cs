using System.Diagnostics;

namespace PhysicalAI.Ros.Client;

/// <summary>
/// A periodic callback on the monotonic wall clock, run by the executor of its node. A timer that falls
/// behind skips the periods it missed rather than firing in a burst, as rclcpp's timers do.
/// </summary>
public sealed class WallTimer : ITimer
{
    private readonly Action _callback;
    private readonly Node _node;
    private long _nextDue;
    private volatile bool _canceled;

    internal WallTimer(TimeSpan period, Action callback, Node node)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        Period = period;
        _callback = callback;
        _node = node;
        PeriodTicks = Math.Max(1, (long)(period.TotalSeconds * Stopwatch.Frequency));
        _nextDue = Stopwatch.GetTimestamp() + PeriodTicks;
    }

    /// <summary>Time between calls.</summary>
    public TimeSpan Period { get; }

    /// <summary>Whether the timer was canceled.</summary>
    public bool IsCanceled => _canceled;

    /// <summary>How many times the callback has run.</summary>
    public long CallCount { get; private set; }

    internal long PeriodTicks { get; }

    /// <summary>Stopwatch timestamp at which the callback is next due.</summary>
    internal long NextDue => Interlocked.Read(ref _nextDue);

    /// <summary>Stops the timer; it will not fire again unless reset.</summary>
    public void Cancel() => _canceled = true;

    /// <summary>Restarts the period from now (and un-cancels).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _nextDue, Stopwatch.GetTimestamp() + PeriodTicks);
        _canceled = false;
    }

    /// <summary>Removes the timer from its node.</summary>
    public void Dispose()
    {
        Cancel();
        _node.Remove(this);
    }

    TimeSpan? ITimer.TimeUntilDue() =>
        TimeSpan.FromSeconds(Math.Max(0, NextDue - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);

    bool ITimer.FireIfDue() => FireIfDue(Stopwatch.GetTimestamp());

    private bool FireIfDue(long now)
    {
        if (_canceled || now < NextDue)
        {
            return false;
        }

        long next = NextDue + PeriodTicks;
        if (next <= now)
        {
            // Missed whole periods: the next call is the first period boundary after now.
            long missed = (now - NextDue) / PeriodTicks;
            next = NextDue + ((missed + 1) * PeriodTicks);
        }

        Interlocked.Exchange(ref _nextDue, next);
        CallCount++;
        _callback();
        return true;
    }
}
