using System.CommandLine;
using System.Diagnostics;
using PhysicalAI.Cli.Yaml;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai topic pub TOPIC TYPE 'YAML' [-r HZ] [--once]</c>: publish a message, as <c>ros2 topic pub</c>.</summary>
internal static class TopicPubCommand
{
    public static Command Create()
    {
        var topicArgument = new Argument<string>("topic") { Description = "Topic to publish on" };
        var typeArgument = new Argument<string>("type") { Description = "Message type, such as std_msgs/msg/String" };
        var valuesArgument = new Argument<string>("values") { Description = "The message as YAML, such as \"{data: hello}\"", DefaultValueFactory = _ => "{}" };
        var rate = new Option<double>("--rate", "-r") { Description = "Publishing rate in Hz", DefaultValueFactory = _ => 1.0 };
        var once = new Option<bool>("--once", "-1") { Description = "Publish one message and exit" };
        var times = new Option<int>("--times", "-t") { Description = "Publish this many messages and exit (0: until stopped)" };
        var wait = new Option<int?>("--wait-matching-subscriptions", "-w") { Description = "Wait for this many matching subscriptions first (default 1 with --once/--times, else 0)" };
        var maxWait = new Option<double>("--max-wait-time-secs") { Description = "Give up waiting for subscriptions after this many seconds", DefaultValueFactory = _ => 10.0 };
        var print = new Option<int>("--print", "-p") { Description = "Print every N-th message published (0: none)", DefaultValueFactory = _ => 1 };
        Option<string?> qosProfile = CliOptions.QosProfile();
        var command = new Command("pub", "Publish a message on a topic")
        {
            topicArgument, typeArgument, valuesArgument, rate, once, times, wait, maxWait, print, qosProfile,
        };
        command.SetAction(result =>
        {
            RosMessageDescriptor type = TopicTypes.Describe(result.GetValue(typeArgument)!);
            object message;
            try
            {
                message = MessageYamlReader.Read(result.GetValue(valuesArgument)!, type);
            }
            catch (FormatException e)
            {
                throw new CliError($"Failed to populate {type.RosTypeName} from '{result.GetValue(valuesArgument)}': {e.Message}");
            }

            int count = result.GetValue(once) ? 1 : result.GetValue(times);
            int waitFor = result.GetValue(wait) ?? (count > 0 ? 1 : 0);
            double hz = result.GetValue(rate);
            if (hz <= 0)
            {
                throw new CliError("--rate must be greater than 0 Hz");
            }

            QosProfile qos = result.GetValue(qosProfile) is { } name ? TopicTypes.Profile(name) : QosProfiles.Default;
            using CliRos ros = CliRos.Create("pub");
            string topic = ros.Node.ResolveTopicName(result.GetValue(topicArgument)!);
            GenericPublisher publisher = ros.Node.CreateGenericPublisher(topic, type, qos);
            TimeSpan maxWaitTime = TimeSpan.FromSeconds(result.GetValue(maxWait));
            if (waitFor > 0)
            {
                Console.WriteLine($"Waiting for at least {waitFor} matching subscription(s)...");
                if (!ros.SpinUntil(() => publisher.SubscriptionCount >= waitFor, maxWaitTime) && ros.Context.IsShutdown)
                {
                    return 0;
                }
            }

            Console.WriteLine("publisher: beginning loop");
            string repr = MessageRepr.Format(message, type);
            long period = (long)(Stopwatch.Frequency / hz);
            long next = Stopwatch.GetTimestamp();
            for (int i = 1; count == 0 || i <= count; i++)
            {
                publisher.Publish(message);
                int every = result.GetValue(print);
                if (every > 0 && (i - 1) % every == 0)
                {
                    Console.WriteLine($"publishing #{i}: {repr}");
                    Console.WriteLine();
                }

                if (count != 0 && i == count)
                {
                    break;
                }

                next += period;
                TimeSpan sleep = TimeSpan.FromSeconds(Math.Max(0, next - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
                ros.Spin(sleep);
                if (ros.Context.IsShutdown)
                {
                    break;
                }
            }

            // Reliable subscribers get the last message before the writer goes away.
            if (qos.Reliability != QosReliability.BestEffort)
            {
                publisher.WaitForAllAcknowledged(maxWaitTime);
            }

            return 0;
        });
        return command;
    }
}
