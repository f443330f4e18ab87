using System.Globalization;
using PhysicalAI.Ros.Client.Time;
using PhysicalAI.Ros.Interfaces.DiagnosticMsgs.Msg;
using PhysicalAI.Sim;

namespace PhysicalAI.Nodes.Sim;

/// <summary>
/// The episode's state for evaluation, as a standard diagnostic_msgs/DiagnosticArray with one status
/// named <c>episode</c>: level OK while running or once succeeded, WARN when timed out; message
/// <c>running</c>, <c>succeeded</c> or <c>timed out</c>; key-value pairs <c>seed</c>, <c>instruction</c>,
/// <c>target</c> (colour), <c>goal_x</c>/<c>goal_y</c>/<c>goal_z</c> (m, base frame), <c>tool_distance</c> (m),
/// <c>success</c> (true/false), <c>elapsed</c> (s), <c>success_time</c> (s, empty until success) and
/// <c>success_radius</c> (m). Numbers use invariant culture so any tool can parse them. A success after
/// the episode's time limit does not count: the verdict is final once the limit has passed.
/// </summary>
internal sealed class EpisodeReport
{
    private readonly KeyValue[] _values;

    public EpisodeReport(string hardwareId)
    {
        _values = [.. Keys.Select(k => new KeyValue { Key = k })];
        Message = new DiagnosticArray
        {
            Status = [new DiagnosticStatus { Name = "episode", HardwareId = hardwareId, Values = _values }],
        };
    }

    /// <summary>The keys, in order.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        ["seed", "instruction", "target", "goal_x", "goal_y", "goal_z", "tool_distance", "success", "elapsed", "success_time", "success_radius"];

    public DiagnosticArray Message { get; }

    /// <summary>Sets the fields that stay the same for the whole of <paramref name="scene"/>'s episode.</summary>
    public void Start(Scene scene)
    {
        Robot.Vector3d goal = scene.Target.GoalPoint;
        _values[0].Value = Text(scene.Seed);
        _values[1].Value = scene.Instruction;
        _values[2].Value = scene.Target.Color.Name;
        _values[3].Value = Text(goal.X);
        _values[4].Value = Text(goal.Y);
        _values[5].Value = Text(goal.Z);
        _values[10].Value = Text(ReachTask.SuccessRadius);
    }

    /// <summary>
    /// The outcome of <paramref name="episode"/> with a time limit of <paramref name="timeout"/> s: a success
    /// counts only when reached within the limit, so the verdict is final once the limit has passed.
    /// </summary>
    public static (bool Succeeded, bool TimedOut) Outcome(Episode episode, double timeout)
    {
        bool succeeded = episode.Succeeded && episode.SuccessTime <= timeout;
        return (succeeded, !succeeded && episode.Elapsed > timeout);
    }

    /// <summary>Fills <see cref="Message"/> with <paramref name="episode"/>'s state at <paramref name="stamp"/> (after <see cref="Start"/>).</summary>
    public void Update(Episode episode, double timeout, RosTime stamp)
    {
        (bool succeeded, bool timedOut) = Outcome(episode, timeout);
        stamp.CopyTo(Message.Header.Stamp);
        DiagnosticStatus status = Message.Status[0];
        status.Level = timedOut ? DiagnosticStatus.WARN : DiagnosticStatus.OK;
        status.Message = succeeded ? "succeeded" : timedOut ? "timed out" : "running";

        // The distance and clock change every report; these two strings are the report's only allocations.
        _values[6].Value = Text(episode.ToolDistance);
        _values[7].Value = succeeded ? "true" : "false";
        _values[8].Value = Text(episode.Elapsed);
        _values[9].Value = succeeded ? Text(episode.SuccessTime) : string.Empty;
    }

    private static string Text(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
