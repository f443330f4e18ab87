namespace PhysicalAI.Safety;

/// <summary>What the safety controller reports (diagnostics, <c>~/status</c>): counters since start.</summary>
public sealed class SafetyStatus
{
    private readonly long[] _interventions = new long[InterventionKinds.Count];

    /// <summary>The intervention kinds, in the order <see cref="InterventionCount"/> takes them.</summary>
    public static IReadOnlyList<Interventions> InterventionKinds { get; } =
    [
        Interventions.SoftPositionLimit, Interventions.BrakingDistance, Interventions.Velocity,
        Interventions.Acceleration, Interventions.Jerk, Interventions.Workspace,
    ];

    /// <summary>Control cycles run while armed.</summary>
    public long Cycles { get; internal set; }

    /// <summary>Commands rejected (malformed, unknown joints, bad chunks).</summary>
    public long RejectedCommands { get; internal set; }

    /// <summary>Source switches (teleop, policy, hold).</summary>
    public long SourceSwitches { get; internal set; }

    /// <summary>Watchdog stops (the active source went quiet).</summary>
    public long WatchdogStops { get; internal set; }

    /// <summary>The last rejection, stop or fault, with its reason (empty when none yet).</summary>
    public string LastViolation { get; internal set; } = string.Empty;

    /// <summary>The last source switch, as "policy -> teleop".</summary>
    public string LastSwitch { get; internal set; } = string.Empty;

    /// <summary>Why the controller is faulted (empty when it is not).</summary>
    public string Fault { get; internal set; } = string.Empty;

    /// <summary>Cycles in which <paramref name="kind"/> acted.</summary>
    public long InterventionCount(Interventions kind) => _interventions[IndexOf(kind)];

    internal void Count(Interventions acted)
    {
        for (int i = 0; i < _interventions.Length; i++)
        {
            if ((acted & InterventionKinds[i]) != 0)
            {
                _interventions[i]++;
            }
        }
    }

    private static int IndexOf(Interventions kind)
    {
        for (int i = 0; i < InterventionKinds.Count; i++)
        {
            if (InterventionKinds[i] == kind)
            {
                return i;
            }
        }

        throw new ArgumentException($"{kind} is not a single intervention kind", nameof(kind));
    }
}
