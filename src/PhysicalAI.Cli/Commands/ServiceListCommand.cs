using System.CommandLine;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai service list [-t]</c>: every service on the domain, as <c>ros2 service list</c>.</summary>
internal static class ServiceListCommand
{
    public static Command Create()
    {
        var showTypes = new Option<bool>("--show-types", "-t") { Description = "Show each service's type" };
        var hidden = new Option<bool>("--include-hidden-services") { Description = "Include hidden services (a name token starting with '_')" };
        Option<double> spinTime = CliOptions.SpinTime(1.0);
        var command = new Command("list", "List the services of the ROS graph") { showTypes, hidden, spinTime };
        command.SetAction(result =>
        {
            using CliRos ros = CliRos.Create("service_list");
            ros.Spin(TimeSpan.FromSeconds(result.GetValue(spinTime)));
            foreach ((string service, IReadOnlyList<string> types) in ros.Node.Graph.GetServiceNamesAndTypes().OrderBy(s => s.Service, StringComparer.Ordinal))
            {
                if (!result.GetValue(hidden) && service.Split('/').Any(token => token.StartsWith('_')))
                {
                    continue;
                }

                Console.WriteLine(result.GetValue(showTypes) ? $"{service} [{string.Join(", ", types)}]" : service);
            }

            return 0;
        });
        return command;
    }
}
