using Microsoft.Extensions.Logging;
using PhysicalAI.Robot;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;
using PhysicalAI.Ros.Interfaces.TrajectoryMsgs.Msg;
using PhysicalAI.Sim;

namespace PhysicalAI.Nodes.Sim;

/// <summary>
/// The arm's command inputs in the three forms ROS stacks send: a forward position controller's
/// Float64MultiArray (one position per actuated joint, in order), a JointState naming the joints it
/// moves (positions, or velocities when it has no positions), and a JointTrajectory played as
/// joint_trajectory_controller plays position-only points. A command that is malformed — wrong size,
/// unknown or repeated joint, NaN or infinity, times not increasing — is dropped whole, with a warning that
/// names the topic and the problem (at most one a second per topic, so a bad publisher cannot flood the log).
/// The last good command stays in force. Positions beyond the joint limits are clamped by the servos.
/// Mimic joints may be named in a JointState (joint_state_publisher and joint_state_broadcaster list
/// them); their values are ignored, since they follow the joint they mimic.
/// </summary>
internal sealed class ArmCommands
{
    // Beyond this a stamp is on another clock (system time against simulated time), not a planned delay.
    private const double MaxStartDelay = 10;

    private readonly SimulatedArm _arm;
    private readonly RejectionLog _rejections;
    private readonly double[] _targets;
    private readonly Dictionary<string, int> _jointIndex;
    private readonly HashSet<string> _mimicJoints;
    private readonly int[] _resolved;
    private readonly bool[] _seen;

    public ArmCommands(SimulatedArm arm, ILogger logger)
    {
        _arm = arm;
        _rejections = new RejectionLog(logger);
        _targets = new double[arm.Model.ActuatedJoints.Count];
        _jointIndex = arm.Model.ActuatedJointNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
        _mimicJoints = [.. arm.Model.Joints.Where(j => j.IsMovable && !j.IsActuated).Select(j => j.Name)];
        _resolved = new int[_targets.Length + _mimicJoints.Count];
        _seen = new bool[_targets.Length];
    }

    /// <summary>The trajectory being played, if any.</summary>
    public TrajectoryFollower Trajectory { get; } = new();

    /// <summary>Holds <paramref name="positions"/>: what a reset does.</summary>
    public void Hold(ReadOnlySpan<double> positions)
    {
        Trajectory.Cancel();
        positions.CopyTo(_targets);
        _arm.CommandPositions(_targets);
    }

    /// <summary>Feeds the trajectory's targets at simulated time <paramref name="now"/> to the arm.</summary>
    public void Sample(double now)
    {
        if (Trajectory.IsActive)
        {
            Trajectory.Sample(now, _targets);
            _arm.CommandPositions(_targets);
        }
    }

    /// <summary>A forward position controller command.</summary>
    public void OnPositions(string topic, Float64MultiArray message)
    {
        double[] data = message.Data;
        if (data.Length != _targets.Length)
        {
            if (!Throttled(topic))
            {
                Reject(topic, $"{data.Length} positions; the arm has {_targets.Length} actuated joints ({string.Join(", ", _arm.Model.ActuatedJointNames)}), in that order");
            }

            return;
        }

        if (FirstNonFinite(data) is int bad)
        {
            if (!Throttled(topic))
            {
                Reject(topic, $"data[{bad}] ({_arm.Model.ActuatedJointNames[bad]}) is {data[bad]}");
            }

            return;
        }

        Trajectory.Cancel();
        data.CopyTo(_targets, 0);
        _arm.CommandPositions(_targets);
    }

    /// <summary>A JointState command: named joints (or all of them, in order, when it names none).</summary>
    public void OnJointState(string topic, JointState message)
    {
        int count = message.Name.Length == 0 ? _targets.Length : message.Name.Length;
        bool positions = message.Position.Length > 0;
        double[] values = positions ? message.Position : message.Velocity;
        string field = positions ? "position" : "velocity";
        if (values.Length == 0)
        {
            if (!Throttled(topic))
            {
                Reject(topic, "neither position nor velocity is set");
            }

            return;
        }

        if (values.Length != count)
        {
            if (!Throttled(topic))
            {
                Reject(topic, message.Name.Length == 0
                    ? $"no joint names and {values.Length} {field} values; without names give all {_targets.Length} joints in order ({string.Join(", ", _arm.Model.ActuatedJointNames)})"
                    : $"{message.Name.Length} names but {values.Length} {field} values");
            }

            return;
        }

        if (!Resolve(topic, message.Name))
        {
            return;
        }

        if (FirstNonFinite(values) is int bad)
        {
            if (!Throttled(topic))
            {
                Reject(topic, $"{field}[{bad}] ({(message.Name.Length == 0 ? _arm.Model.ActuatedJointNames[bad] : message.Name[bad])}) is {values[bad]}");
            }

            return;
        }

        Trajectory.Cancel();
        for (int i = 0; i < count; i++)
        {
            int j = _resolved[i];
            if (j < 0)
            {
                continue;
            }

            if (positions)
            {
                _targets[j] = values[i];
                _arm.Servos[j].CommandPosition(values[i]);
            }
            else
            {
                _arm.Servos[j].CommandVelocity(values[i]);
                _targets[j] = _arm.Servos[j].Position;
            }
        }
    }

    /// <summary>
    /// A joint trajectory received at simulated time <paramref name="now"/>, to start <paramref name="startDelay"/>
    /// seconds later (what its header stamp says; negative when the stamp is past, which skips its start, as
    /// joint_trajectory_controller does). An empty one stops the current one.
    /// </summary>
    public void OnTrajectory(string topic, JointTrajectory message, double now, double startDelay)
    {
        if (message.Points.Length == 0)
        {
            // joint_trajectory_controller's convention: an empty trajectory cancels and holds position.
            Trajectory.Cancel();
            Hold(_arm.Positions);
            return;
        }

        if (message.JointNames.Length == 0)
        {
            if (!Throttled(topic))
            {
                Reject(topic, "joint_names is empty");
            }

            return;
        }

        if (!Resolve(topic, message.JointNames))
        {
            return;
        }

        int[] index = _resolved[..message.JointNames.Length];
        if (Array.IndexOf(index, -1) is int mimic and >= 0)
        {
            if (!Throttled(topic))
            {
                Reject(topic, $"joint '{message.JointNames[mimic]}' is a mimic joint; command the joint it follows");
            }

            return;
        }

        if (Math.Abs(startDelay) > MaxStartDelay)
        {
            if (!Throttled(topic))
            {
                Reject(topic, $"header.stamp is {startDelay:0.0} s from now; is the sender on this node's clock (use_sim_time)? A zero stamp starts on receipt");
            }

            return;
        }

        var times = new double[message.Points.Length];
        var points = new double[message.Points.Length][];
        for (int p = 0; p < points.Length; p++)
        {
            JointTrajectoryPoint point = message.Points[p];
            if (point.Positions.Length != index.Length)
            {
                if (!Throttled(topic))
                {
                    Reject(topic, $"points[{p}] has {point.Positions.Length} positions for {index.Length} joint names (position-controlled joints need positions in every point)");
                }

                return;
            }

            times[p] = point.TimeFromStart.Sec + (point.TimeFromStart.Nanosec * 1e-9);
            points[p] = point.Positions;
        }

        // Joints moving under velocity commands start from where they are, not from their last position target.
        for (int j = 0; j < _targets.Length; j++)
        {
            if (_arm.Servos[j].VelocityCommand is not null)
            {
                _targets[j] = _arm.Servos[j].Position;
            }
        }

        // A single point at time zero is a jump; servos bound it by their limits, so it is accepted.
        try
        {
            Trajectory.Load(now + startDelay, index, times, points, _targets);
        }
        catch (ArgumentException e)
        {
            if (!Throttled(topic))
            {
                Reject(topic, e.Message);
            }

        }
    }

    /// <summary>Fills <see cref="_resolved"/> with the joint index of each name (identity when there are none); false after rejecting.</summary>
    private bool Resolve(string topic, string[] names)
    {
        if (names.Length == 0)
        {
            for (int i = 0; i < _targets.Length; i++)
            {
                _resolved[i] = i;
            }

            return true;
        }

        if (names.Length > _resolved.Length)
        {
            if (!Throttled(topic))
            {
                Reject(topic, $"{names.Length} joint names; the arm has {_targets.Length} joints ({string.Join(", ", _arm.Model.ActuatedJointNames)})");
            }

            return false;
        }

        Array.Clear(_seen);
        for (int i = 0; i < names.Length; i++)
        {
            if (_mimicJoints.Contains(names[i]))
            {
                _resolved[i] = -1;
                continue;
            }

            if (!_jointIndex.TryGetValue(names[i], out int j))
            {
                if (!Throttled(topic))
                {
                    Reject(topic, $"unknown joint '{names[i]}'; the arm's joints are {string.Join(", ", _arm.Model.ActuatedJointNames)}");
                }

                return false;
            }

            if (_seen[j])
            {
                if (!Throttled(topic))
                {
                    Reject(topic, $"joint '{names[i]}' appears twice");
                }

                return false;
            }

            _seen[j] = true;
            _resolved[i] = j;
        }

        return true;
    }

    private static int? FirstNonFinite(double[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return i;
            }
        }

        return null;
    }

    private bool Throttled(string topic) => !_rejections.ShouldLog(topic);

    private void Reject(string topic, string reason) => _rejections.Log(topic, reason);
}
