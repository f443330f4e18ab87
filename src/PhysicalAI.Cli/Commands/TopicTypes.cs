using PhysicalAI.Ros.Client.Graph;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Cli.Commands;

/// <summary>Finding a topic's type and a subscription QoS that matches its publishers, as ros2 topic echo does.</summary>
internal static class TopicTypes
{
    /// <summary>The description of <paramref name="rosType"/>, or a clear error.</summary>
    public static RosMessageDescriptor Describe(string rosType)
    {
        if (!RosTypeRegistry.TryGetMessage(rosType, out RosMessageDescriptor descriptor))
        {
            throw new CliError(
                $"The message type '{rosType}' is not one pai knows. Known types: {string.Join(", ", RosTypeRegistry.MessageTypeNames.Where(n => !n.Contains("/srv/", StringComparison.Ordinal)))}");
        }

        return descriptor;
    }

    /// <summary>The type of <paramref name="topic"/> from its publishers, waiting for discovery up to <paramref name="timeout"/>.</summary>
    public static RosMessageDescriptor Discover(CliRos ros, string topic, TimeSpan timeout)
    {
        IReadOnlyList<string>? types = null;
        ros.SpinUntil(() => (types = ros.Node.Graph.GetTopicNamesAndTypes().FirstOrDefault(t => t.Topic == topic).Types) is { Count: > 0 }, timeout);
        if (types is null || types.Count == 0)
        {
            throw new CliError($"Could not determine the type of '{topic}': nothing publishes or subscribes to it yet. Start the publisher first, or give the type: pai topic echo {topic} <pkg/msg/Type>");
        }

        if (types.Count > 1)
        {
            throw new CliError($"'{topic}' has more than one type ({string.Join(", ", types)}); give the one to use");
        }

        return Describe(types[0]);
    }

    /// <summary>A QoS profile by its ros2 CLI name, or a clear error.</summary>
    public static QosProfile Profile(string name)
    {
        try
        {
            return QosProfiles.FromName(name);
        }
        catch (ArgumentException e)
        {
            throw new CliError(e.Message);
        }
    }

    /// <summary>
    /// A subscription QoS that receives from every publisher on <paramref name="topic"/>: reliable and
    /// transient local only when all of them offer it (ros2 topic echo adapts the same way).
    /// </summary>
    public static QosProfile AdaptTo(RosGraph graph, string topic, string? profileName)
    {
        if (profileName is not null)
        {
            return Profile(profileName);
        }

        IReadOnlyList<TopicEndpointInfo> publishers = graph.GetPublishersInfo(topic);
        if (publishers.Count == 0)
        {
            return QosProfiles.Default;
        }

        bool reliable = publishers.All(p => p.Qos.Reliability == QosReliability.Reliable);
        bool latched = publishers.All(p => p.Qos.Durability == QosDurability.TransientLocal);
        return QosProfiles.Default with
        {
            Reliability = reliable ? QosReliability.Reliable : QosReliability.BestEffort,
            Durability = latched ? QosDurability.TransientLocal : QosDurability.Volatile,
        };
    }
}
