using System.CommandLine;
using PhysicalAI.Cli.Commands;
using PhysicalAI.Ros.Client.Arguments;
using PhysicalAI.Ros.Client.Names;
using PhysicalAI.Ros.Client.Parameters;
using PhysicalAI.Ros.Client.Services;
using PhysicalAI.Ros.Dds;

// `pai run` hands the rest of the line to the node untouched, so it is dispatched before parsing.
if (args.Length > 0 && args[0] == "run")
{
    return RunCommand.Run(args[1..]);
}

// `pai launch` takes name:=value pairs as ros2 launch does, so it is dispatched by hand too.
if (args.Length > 0 && args[0] == "launch")
{
    return LaunchCommand.Run(args[1..]);
}

var topic = new Command("topic", "Topics: list, echo, pub, hz, info")
{
    TopicListCommand.Create(),
    TopicEchoCommand.Create(),
    TopicPubCommand.Create(),
    TopicHzCommand.Create(),
    TopicInfoCommand.Create(),
};
var node = new Command("node", "Nodes: list") { NodeListCommand.Create() };
var service = new Command("service", "Services: list, call") { ServiceListCommand.Create(), ServiceCallCommand.Create() };
var param = new Command("param", "Parameters of running nodes: list, get, set, describe, dump, load, delete")
{
    ParamListCommand.Create(),
    ParamGetCommand.Create(),
    ParamSetCommand.Create(),
    ParamDescribeCommand.Create(),
    ParamDumpCommand.Create(),
    ParamLoadCommand.Create(),
    ParamDeleteCommand.Create(),
};
var run = new Command("run", "Run one of the suite's node executables: pai run EXECUTABLE [--ros-args ...]");
var launch = new Command("launch", "Run a ROS 2 YAML launch file: pai launch FILE [name:=value ...] (pai launch --help)");
var bench = new Command("bench", "Benchmarks against reference implementations measured in the same run")
{
    PhysicalAI.Cli.Commands.Bench.TransportBenchmark.Create(),
    PhysicalAI.Cli.Commands.Bench.BenchWorker.Create(),
    PhysicalAI.Cli.Commands.Bench.PolicyBenchmark.Create(),
};
var sim = new Command("sim", "The simulated arm: snapshot") { SimSnapshotCommand.Create() };
var train = new Command("train", "Train the project's policies: reference") { TrainReferenceCommand.Create() };
var root = new RootCommand("pai: ROS 2 tools for PhysicalAI.Ros, with or without a ROS 2 install") { topic, node, service, param, run, launch, sim, train, EvalCommand.Create(), DemoCommand.Create(), bench };

try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is CliError or RosArgumentsException or NameValidationException or DdsLibraryNotFoundException or DdsException
    or ParamsFileException or ServiceInteropException or ServiceCallException)
{
    Console.Error.WriteLine($"pai: {e.Message}");
    return 1;
}
