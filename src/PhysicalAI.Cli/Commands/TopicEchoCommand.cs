using System.CommandLine;
using PhysicalAI.Cli.Yaml;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai topic echo TOPIC [TYPE] [--once]</c>: print messages as YAML, as <c>ros2 topic echo</c>.</summary>
internal static class TopicEchoCommand
{
    public static Command Create()
    {
        var topicArgument = new Argument<string>("topic") { Description = "Topic to echo, such as /joint_states" };
        var typeArgument = new Argument<string?>("type") { Description = "Message type (found from the publishers when omitted)", Arity = ArgumentArity.ZeroOrOne };
        var once = new Option<bool>("--once") { Description = "Print one message and exit" };
        var fullLength = new Option<bool>("--full-length", "-f") { Description = "Print arrays and strings whole" };
        var truncate = new Option<int>("--truncate-length", "-l") { Description = "Longest array or string printed before '...'", DefaultValueFactory = _ => 128 };
        Option<string?> qosProfile = CliOptions.QosProfile();
        Option<double> spinTime = CliOptions.SpinTime(5.0);
        var command = new Command("echo", "Print the messages published on a topic")
        {
            topicArgument, typeArgument, once, fullLength, truncate, qosProfile, spinTime,
        };
        command.SetAction(result =>
        {
            using CliRos ros = CliRos.Create("echo");
            string topic = ros.Node.ResolveTopicName(result.GetValue(topicArgument)!);
            string? typeName = result.GetValue(typeArgument);
            RosMessageDescriptor type = typeName is null
                ? TopicTypes.Discover(ros, topic, TimeSpan.FromSeconds(result.GetValue(spinTime)))
                : TopicTypes.Describe(typeName);
            QosProfile qos = TopicTypes.AdaptTo(ros.Node.Graph, topic, result.GetValue(qosProfile));
            var writer = new MessageYamlWriter(result.GetValue(fullLength) ? null : result.GetValue(truncate));
            bool onlyOne = result.GetValue(once);
            var stdout = Console.Out;
            ros.Node.CreateGenericSubscription(topic, type, message =>
            {
                stdout.Write(writer.Write(message, type));
                stdout.WriteLine("---");
                stdout.Flush();
                if (onlyOne)
                {
                    ros.Context.Shutdown("--once");
                }
            }, qos);
            ros.Executor.Spin();
            return 0;
        });
        return command;
    }
}
