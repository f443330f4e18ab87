using System.CommandLine;
using System.Globalization;
using System.Text;
using PhysicalAI.Ros.Client.Graph;
using PhysicalAI.Ros.Client.Qos;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai topic info TOPIC [-v]</c>: type and endpoints, as <c>ros2 topic info</c>.</summary>
internal static class TopicInfoCommand
{
    public static Command Create()
    {
        var topicArgument = new Argument<string>("topic") { Description = "Topic to describe" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every publisher and subscription with node, GID, type hash and QoS" };
        Option<double> spinTime = CliOptions.SpinTime(1.0);
        var command = new Command("info", "Print a topic's type and its publishers and subscriptions") { topicArgument, verbose, spinTime };
        command.SetAction(result =>
        {
            using CliRos ros = CliRos.Create("topic_info");
            string topic = ros.Node.ResolveTopicName(result.GetValue(topicArgument)!);
            ros.Spin(TimeSpan.FromSeconds(result.GetValue(spinTime)));
            IReadOnlyList<string>? types = ros.Node.Graph.GetTopicNamesAndTypes().FirstOrDefault(t => t.Topic == topic).Types;
            if (types is null)
            {
                throw new CliError($"Unknown topic '{topic}'");
            }

            IReadOnlyList<TopicEndpointInfo> publishers = ros.Node.Graph.GetPublishersInfo(topic).Where(e => !Hidden(e)).ToList();
            IReadOnlyList<TopicEndpointInfo> subscriptions = ros.Node.Graph.GetSubscriptionsInfo(topic).Where(e => !Hidden(e)).ToList();
            bool details = result.GetValue(verbose);
            var sb = new StringBuilder();
            sb.Append("Type: ").AppendJoin(", ", types).Append('\n');
            if (details)
            {
                sb.Append('\n');
            }

            Section(sb, "Publisher count", publishers, details);
            Section(sb, "Subscription count", subscriptions, details);
            Console.Write(sb.ToString());
            return 0;
        });
        return command;
    }

    private static bool Hidden(TopicEndpointInfo endpoint) => endpoint.NodeName.StartsWith("_pai_", StringComparison.Ordinal);

    private static void Section(StringBuilder sb, string title, IReadOnlyList<TopicEndpointInfo> endpoints, bool details)
    {
        sb.Append(title).Append(": ").Append(endpoints.Count).Append('\n');
        if (!details)
        {
            return;
        }

        sb.Append('\n');
        foreach (TopicEndpointInfo e in endpoints)
        {
            QosProfile q = e.Qos;
            sb.Append("Node name: ").Append(e.NodeName).Append('\n')
              .Append("Node namespace: ").Append(e.NodeNamespace).Append('\n')
              .Append("Topic type: ").Append(e.TopicType).Append('\n')
              .Append("Topic type hash: ").Append(e.TypeHash.Length > 0 ? e.TypeHash : "INVALID").Append('\n')
              .Append("Endpoint type: ").Append(e.Kind == EndpointKind.Publisher ? "PUBLISHER" : "SUBSCRIPTION").Append('\n')
              .Append("GID: ").Append(e.Gid).Append('\n')
              .Append("QoS profile:\n")
              .Append("  Reliability: ").Append(q.Reliability == QosReliability.Reliable ? "RELIABLE" : "BEST_EFFORT").Append('\n')
              .Append("  History (Depth): ").Append(q.History == QosHistory.KeepAll ? "KEEP_ALL" : string.Create(CultureInfo.InvariantCulture, $"KEEP_LAST ({q.Depth})")).Append('\n')
              .Append("  Durability: ").Append(q.Durability == QosDurability.TransientLocal ? "TRANSIENT_LOCAL" : "VOLATILE").Append('\n')
              .Append("  Lifespan: ").Append(Duration(q.Lifespan)).Append('\n')
              .Append("  Deadline: ").Append(Duration(q.Deadline)).Append('\n')
              .Append("  Liveliness: ").Append(q.Liveliness == QosLiveliness.ManualByTopic ? "MANUAL_BY_TOPIC" : "AUTOMATIC").Append('\n')
              .Append("  Liveliness lease duration: ").Append(Duration(q.LivelinessLeaseDuration)).Append("\n\n");
        }
    }

    private static string Duration(TimeSpan? d) =>
        d is null ? "Infinite" : string.Create(CultureInfo.InvariantCulture, $"{(long)d.Value.TotalSeconds} seconds {d.Value.Ticks % TimeSpan.TicksPerSecond * 100} nanoseconds");
}
