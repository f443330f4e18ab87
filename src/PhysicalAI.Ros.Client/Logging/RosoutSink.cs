using System.Collections.Concurrent;
using PhysicalAI.Ros.Client.Qos;
using LogMsg = PhysicalAI.Ros.Interfaces.RclInterfaces.Msg.Log;

namespace PhysicalAI.Ros.Client.Logging;

/// <summary>
/// Publishes log records on <c>/rosout</c> (rcl_interfaces/Log, ROS 2's rosout QoS) through the
/// publisher of the node whose logger wrote them, as rcl's rosout handler does: a record of logger
/// <c>arm.controller</c> or of its child <c>arm.controller.limits</c> goes out from node <c>/arm/controller</c>;
/// records of loggers that belong to no node are not published.
/// </summary>
public sealed class RosoutSink : IRosLogSink
{
    [ThreadStatic]
    private static bool _publishing;

    private readonly ConcurrentDictionary<string, NodeRosout> _byLogger = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public void Write(in RosLogRecord record)
    {
        // Publishing can itself log (a QoS warning, say); that must not recurse into /rosout.
        if (_publishing || FindPublisher(record.LoggerName) is not { } target)
        {
            return;
        }

        _publishing = true;
        try
        {
            target.Publish(record);
        }
        catch (Exception e) when (e is ObjectDisposedException or Dds.DdsException)
        {
            // The node is being destroyed while it logs; the console still has the message.
        }
        finally
        {
            _publishing = false;
        }
    }

    /// <summary>Starts publishing the records of <paramref name="node"/>'s logger.</summary>
    internal void Attach(Node node)
    {
        Publisher<LogMsg> publisher = node.CreatePublisher<LogMsg>("/rosout", QosProfiles.Rosout);

        // Two nodes of one name share a logger name; as in rcl, the first one's publisher carries it.
        _byLogger.TryAdd(node.LoggerName, new NodeRosout(node, publisher));
    }

    /// <summary>Stops publishing the records of <paramref name="node"/>'s logger (if it was the one carrying them).</summary>
    internal void Detach(Node node)
    {
        if (_byLogger.TryGetValue(node.LoggerName, out NodeRosout? current) && current.Owner == node)
        {
            _byLogger.TryRemove(new KeyValuePair<string, NodeRosout>(node.LoggerName, current));
        }
    }

    private NodeRosout? FindPublisher(string logger)
    {
        string name = logger;
        while (true)
        {
            if (_byLogger.TryGetValue(name, out NodeRosout? target))
            {
                return target;
            }

            int dot = name.LastIndexOf('.');
            if (dot < 0)
            {
                return null;
            }

            name = name[..dot];
        }
    }

    private sealed class NodeRosout(Node owner, Publisher<LogMsg> publisher)
    {
        public Node Owner => owner;

        private readonly Lock _gate = new();
        private readonly LogMsg _message = new();

        public void Publish(in RosLogRecord record)
        {
            lock (_gate)
            {
                long ns = record.TimestampNanoseconds;
                _message.Stamp.Sec = (int)(ns / 1_000_000_000);
                _message.Stamp.Nanosec = (uint)(ns % 1_000_000_000);
                _message.Level = (byte)record.Level;
                _message.Name = record.LoggerName;
                _message.Msg = record.Message;
                _message.File = record.File;
                _message.Function = record.Function;
                _message.Line = record.Line;
                publisher.Publish(_message);
            }
        }
    }
}
