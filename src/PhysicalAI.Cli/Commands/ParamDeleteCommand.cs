using System.CommandLine;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai param delete NODE NAME</c>: undeclare a dynamically typed parameter, as <c>ros2 param delete</c>.</summary>
internal static class ParamDeleteCommand
{
    public static Command Create()
    {
        Argument<string> node = CliParameters.NodeArgument();
        var name = new Argument<string>("name") { Description = "Parameter name" };
        Option<double> timeout = CliParameters.TimeoutOption();
        var command = new Command("delete", "Delete a parameter") { node, name, timeout };
        command.SetAction(result =>
        {
            using CliParameters remote = CliParameters.Open("param_delete", result.GetValue(node)!, result.GetValue(timeout));
            IReadOnlyList<SetParametersResult> results = remote.Wait((c, t, ct) => c.SetAsync([new Parameter(result.GetValue(name)!, ParameterValue.NotSet)], t, ct));
            if (results is [{ Successful: true }])
            {
                Console.WriteLine("Deleted parameter successfully");
                return 0;
            }

            Console.Error.WriteLine("Deleting parameter failed" + (results is [{ Reason.Length: > 0 } r] ? ": " + r.Reason : string.Empty));
            return 1;
        });
        return command;
    }
}
