using System.CommandLine;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai topic list [-t]</c>: every topic on the domain, as <c>ros2 topic list</c>.</summary>
internal static class TopicListCommand
{
    public static Command Create()
    {
        var showTypes = new Option<bool>("--show-types", "-t") { Description = "Print each topic's type in brackets" };
        Option<double> spinTime = CliOptions.SpinTime(1.0);
        var command = new Command("list", "List the topics of the ROS graph") { showTypes, spinTime };
        command.SetAction(result =>
        {
            using CliRos ros = CliRos.Create("topic_list");
            ros.Spin(TimeSpan.FromSeconds(result.GetValue(spinTime)));
            foreach ((string topic, IReadOnlyList<string> types) in ros.Node.Graph.GetTopicNamesAndTypes())
            {
                Console.WriteLine(result.GetValue(showTypes) ? $"{topic} [{string.Join(", ", types)}]" : topic);
            }

            return 0;
        });
        return command;
    }
}
