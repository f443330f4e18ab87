namespace PhysicalAI.Ros.Client;

/// <summary>What an executor needs of a timer, whichever clock it runs on.</summary>
internal interface ITimer
{
    bool IsCanceled { get; }

    void Cancel();

    /// <summary>How long until the timer is due; null when only a clock change can make it due (simulated time).</summary>
    TimeSpan? TimeUntilDue();

    /// <summary>Runs the callback if due; returns whether it ran.</summary>
    bool FireIfDue();
}
