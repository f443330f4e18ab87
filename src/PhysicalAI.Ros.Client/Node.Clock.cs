using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Client.Time;
using ClockMsg = PhysicalAI.Ros.Interfaces.RosgraphMsgs.Msg.Clock;

namespace PhysicalAI.Ros.Client;

public sealed partial class Node
{
    private const string UseSimTime = "use_sim_time";
    private readonly Lock _clockGate = new();
    private Subscription<ClockMsg>? _clockSubscription;

    /// <summary>The node's ROS clock: system time, or <c>/clock</c> while the <c>use_sim_time</c> parameter is true.</summary>
    public RosClock Clock { get; } = new();

    /// <summary>The current ROS time (rclcpp's <c>now()</c>).</summary>
    public RosTime Now() => Clock.Now();

    /// <summary>Declares <c>use_sim_time</c> (as every rclcpp node does) and follows it: on, the clock reads <c>/clock</c>.</summary>
    private void StartTimeSource()
    {
        Parameters.Changed += change =>
        {
            foreach (Parameter p in change.New.Concat(change.Changed))
            {
                if (p.Name == UseSimTime && p.Value.Value is bool on)
                {
                    FollowSimulatedTime(on);
                }
            }
        };
        Parameters.AddOnSetCallback(ps => ps.Any(p => p.Name == UseSimTime && p.Value.Type != ParameterType.Bool)
            ? SetParametersResult.Rejected("use_sim_time must be a bool")
            : SetParametersResult.Ok);
        if (!Parameters.Has(UseSimTime))
        {
            Parameters.Declare(UseSimTime, ParameterValue.Of(false), new ParameterDescriptor { Description = "Follow /clock (simulated time) instead of the system clock" });
        }
    }

    private void FollowSimulatedTime(bool on)
    {
        lock (_clockGate)
        {
            if (on && _clockSubscription is null)
            {
                // Taken on the receive thread, so the clock advances even while the executor is busy
                // (rclcpp gives its clock subscription a thread of its own for the same reason).
                _clockSubscription = CreateSubscription<ClockMsg>(
                    "/clock",
                    message => Clock.SetSimulatedTime(RosTime.FromMessage(message.Clock_)),
                    QosProfiles.Clock,
                    new SubscriptionOptions { DeliverOnReceiveThread = true, ReuseMessage = true });
                Logger.LogDebug("use_sim_time is on: following /clock");
            }
            else if (!on && _clockSubscription is { } subscription)
            {
                _clockSubscription = null;
                subscription.Dispose();
            }

            Clock.UseSimulatedTime(on);
        }
    }
}
