using Microsoft.Extensions.Logging;
using PhysicalAI.Ros.Client.Executors;
using PhysicalAI.Ros.Client.Logging;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Tests.Shared;
using LogMsg = PhysicalAI.Ros.Interfaces.RclInterfaces.Msg.Log;

namespace PhysicalAI.Ros.Client.Tests;

/// <summary>Log messages on /rosout: per node, with its logger name and level, respecting thresholds and --disable-rosout-logs.</summary>
public class RosoutTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    [Test]
    public void NodeLogs_ArePublishedOnRosout_WithLevelNameAndStamp()
    {
        uint domain = TestRos.NewDomainId();
        using RosContext context = TestRos.Context(domain, args: ["--ros-args", "--log-level", "info"]);
        using var node = new Node(context, "arm_controller", new NodeOptions { Namespace = "/arm" });
        node.Logger.LogDebug("below the threshold");
        node.Logger.LogWarning("joint {Joint} near its limit", "elbow");
        context.LoggerProvider.CreateLogger("arm.arm_controller.limits").LogError("child logger");
        context.LoggerProvider.CreateLogger("somebody_else").LogError("no node of this name");

        // rosout is transient local: a later subscriber still gets what was logged.
        using RosContext observer = TestRos.Context(domain);
        using var reader = new Node(observer, "reader");
        var logs = new List<LogMsg>();
        reader.CreateSubscription<LogMsg>("/rosout", logs.Add, QosProfiles.Rosout);
        using var executor = new SingleThreadedExecutor(observer);
        executor.AddNode(reader);
        Assert.That(TestWait.Spin(executor, () => logs.Count(l => l.Name.StartsWith("arm.", StringComparison.Ordinal)) >= 2, Long), Is.True);
        executor.SpinSome();

        LogMsg[] mine = [.. logs.Where(l => l.Name.StartsWith("arm.", StringComparison.Ordinal))];
        Assert.Multiple(() =>
        {
            Assert.That(mine.Select(l => (l.Level, l.Name, l.Msg)), Is.EqualTo(new[]
            {
                ((byte)RosLogLevel.Warn, "arm.arm_controller", "joint elbow near its limit"),
                ((byte)RosLogLevel.Error, "arm.arm_controller.limits", "child logger"),
            }));
            Assert.That(mine.All(l => l.Stamp.Sec > 1_700_000_000), Is.True, "stamped with wall time");
            Assert.That(logs.Any(l => l.Name == "somebody_else"), Is.False, "loggers of no node stay off /rosout");
        });
    }

    [Test]
    public void DisableRosoutLogs_CreatesNoRosoutPublisher()
    {
        uint domain = TestRos.NewDomainId();
        using RosContext context = TestRos.Context(domain, args: ["--ros-args", "--disable-rosout-logs"]);
        using var node = new Node(context, "silent");
        using RosContext observer = TestRos.Context(domain);
        Assert.That(TestWait.Until(() => observer.Graph.GetNodeNames().Any(n => n.Name == "silent"), Long), Is.True);
        Assert.That(TestWait.Until(() => observer.Graph.GetPublishersInfo("/parameter_events").Count > 0, Long), Is.True);
        Assert.That(observer.Graph.GetPublishersInfo("/rosout"), Is.Empty);
    }
}
