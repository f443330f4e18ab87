using System.Globalization;
using TimeMsg = PhysicalAI.Ros.Interfaces.BuiltinInterfaces.Msg.Time;

namespace PhysicalAI.Ros.Client.Time;

/// <summary>
/// A point in ROS time: nanoseconds since the Unix epoch on the system clock, or since the simulation's
/// start when <c>use_sim_time</c> is on (rclcpp's <c>rclcpp::Time</c>).
/// </summary>
/// <param name="Nanoseconds">Nanoseconds since the clock's epoch.</param>
public readonly record struct RosTime(long Nanoseconds) : IComparable<RosTime>
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary>Time zero: what a simulated clock reads before the first <c>/clock</c> message.</summary>
    public static RosTime Zero => default;

    /// <summary>Whole seconds, as <c>builtin_interfaces/Time.sec</c> holds them.</summary>
    public int Seconds => (int)FloorSeconds;

    /// <summary>The nanoseconds after <see cref="Seconds"/>, as <c>builtin_interfaces/Time.nanosec</c> holds them.</summary>
    public uint NanosecondsPart => (uint)(Nanoseconds - (FloorSeconds * NanosecondsPerSecond));

    // Integer floor division: a double cannot hold today's nanosecond counts exactly.
    private long FloorSeconds => Nanoseconds >= 0 || Nanoseconds % NanosecondsPerSecond == 0
        ? Nanoseconds / NanosecondsPerSecond
        : (Nanoseconds / NanosecondsPerSecond) - 1;

    /// <summary>Seconds as a floating-point number.</summary>
    public double TotalSeconds => Nanoseconds / (double)NanosecondsPerSecond;

    /// <summary>The time a message stamp holds.</summary>
    public static RosTime FromMessage(TimeMsg stamp) => new(((long)stamp.Sec * NanosecondsPerSecond) + stamp.Nanosec);

    /// <summary>The time <paramref name="seconds"/> after the epoch.</summary>
    public static RosTime FromSeconds(double seconds) => new((long)Math.Round(seconds * NanosecondsPerSecond));

    public static RosTime operator +(RosTime time, TimeSpan span) => new(time.Nanoseconds + (span.Ticks * 100));

    public static TimeSpan operator -(RosTime a, RosTime b) => TimeSpan.FromTicks((a.Nanoseconds - b.Nanoseconds) / 100);

    public static bool operator <(RosTime a, RosTime b) => a.Nanoseconds < b.Nanoseconds;

    public static bool operator >(RosTime a, RosTime b) => a.Nanoseconds > b.Nanoseconds;

    public static bool operator <=(RosTime a, RosTime b) => a.Nanoseconds <= b.Nanoseconds;

    public static bool operator >=(RosTime a, RosTime b) => a.Nanoseconds >= b.Nanoseconds;

    /// <summary>Writes this time into a message stamp (no allocation: stamps are reused).</summary>
    public void CopyTo(TimeMsg stamp)
    {
        stamp.Sec = Seconds;
        stamp.Nanosec = NanosecondsPart;
    }

    /// <summary>A new message stamp holding this time.</summary>
    public TimeMsg ToMessage() => new() { Sec = Seconds, Nanosec = NanosecondsPart };

    /// <inheritdoc/>
    public int CompareTo(RosTime other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <inheritdoc/>
    public override string ToString() =>
        Seconds.ToString(CultureInfo.InvariantCulture) + "." + NanosecondsPart.ToString("D9", CultureInfo.InvariantCulture);
}
