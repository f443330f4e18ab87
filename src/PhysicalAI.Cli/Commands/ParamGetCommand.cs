using System.CommandLine;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai param get NODE NAME [--hide-type]</c>: one parameter's value, as <c>ros2 param get</c>.</summary>
internal static class ParamGetCommand
{
    public static Command Create()
    {
        Argument<string> node = CliParameters.NodeArgument();
        var name = new Argument<string>("name") { Description = "Parameter name" };
        var hideType = new Option<bool>("--hide-type") { Description = "Print only the value" };
        Option<double> timeout = CliParameters.TimeoutOption();
        var command = new Command("get", "Print a parameter's value") { node, name, hideType, timeout };
        command.SetAction(result =>
        {
            string parameter = result.GetValue(name)!;
            using CliParameters remote = CliParameters.Open("param_get", result.GetValue(node)!, result.GetValue(timeout));
            IReadOnlyList<ParameterValue> values = remote.Wait((c, t, ct) => c.GetAsync([parameter], t, ct));
            if (values.Count == 0)
            {
                throw new CliError($"Parameter not set: '{parameter}' is not declared by node '{remote.Client.RemoteNode}' (pai param list {remote.Client.RemoteNode})");
            }

            Console.WriteLine(ParameterText.Describe(values[0], result.GetValue(hideType)));
            return 0;
        });
        return command;
    }
}
