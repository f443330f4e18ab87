using System.CommandLine;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai node list [-a]</c>: every node on the domain, as <c>ros2 node list</c>.</summary>
internal static class NodeListCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all", "-a") { Description = "Include hidden nodes (names starting with '_')" };
        Option<double> spinTime = CliOptions.SpinTime(1.0);
        var command = new Command("list", "List the nodes of the ROS graph") { all, spinTime };
        command.SetAction(result =>
        {
            using CliRos ros = CliRos.Create("node_list");
            ros.Spin(TimeSpan.FromSeconds(result.GetValue(spinTime)));
            foreach ((string ns, string name) in ros.Node.Graph.GetNodeNames())
            {
                string fqn = ns == "/" ? "/" + name : ns + "/" + name;
                bool hidden = fqn.Split('/').Any(token => token.StartsWith('_'));
                if (!hidden || result.GetValue(all))
                {
                    Console.WriteLine(fqn);
                }
            }

            return 0;
        });
        return command;
    }
}
