using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai topic hz TOPIC</c>: the publishing rate, printed every second as <c>ros2 topic hz</c> prints it.</summary>
internal static class TopicHzCommand
{
    public static Command Create()
    {
        var topicArgument = new Argument<string>("topic") { Description = "Topic to measure" };
        var window = new Option<int>("--window", "-w") { Description = "Number of intervals the statistics cover", DefaultValueFactory = _ => 10000 };
        Option<string?> qosProfile = CliOptions.QosProfile();
        Option<double> spinTime = CliOptions.SpinTime(5.0);
        var command = new Command("hz", "Print the average publishing rate of a topic") { topicArgument, window, qosProfile, spinTime };
        command.SetAction(result =>
        {
            using CliRos ros = CliRos.Create("hz");
            string topic = ros.Node.ResolveTopicName(result.GetValue(topicArgument)!);
            RosMessageDescriptor type = TopicTypes.Discover(ros, topic, TimeSpan.FromSeconds(result.GetValue(spinTime)));
            int size = Math.Max(1, result.GetValue(window));
            var intervals = new Queue<double>();
            long last = 0;
            bool changed = false;
            ros.Node.CreateGenericSubscription(topic, type, _ =>
            {
                long now = Stopwatch.GetTimestamp();
                if (last != 0)
                {
                    intervals.Enqueue((now - last) / (double)Stopwatch.Frequency);
                    if (intervals.Count > size)
                    {
                        intervals.Dequeue();
                    }

                    changed = true;
                }

                last = now;
            }, TopicTypes.AdaptTo(ros.Node.Graph, topic, result.GetValue(qosProfile)));
            ros.Node.CreateWallTimer(TimeSpan.FromSeconds(1), () =>
            {
                if (!changed)
                {
                    Console.WriteLine("no new messages");
                    return;
                }

                changed = false;
                double mean = intervals.Average();
                double std = Math.Sqrt(intervals.Select(i => (i - mean) * (i - mean)).Average());
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"average rate: {1 / mean:F3}\n\tmin: {intervals.Min():F3}s max: {intervals.Max():F3}s std dev: {std:F5}s window: {intervals.Count + 1}"));
            });
            ros.Executor.Spin();
            return 0;
        });
        return command;
    }
}
