using System.CommandLine;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Commands;

/// <summary>
/// <c>pai param set NODE NAME VALUE</c>: set a parameter, as <c>ros2 param set</c>. The value is typed as
/// YAML (<c>true</c>, <c>3</c>, <c>0.5</c>, <c>[1, 2]</c>, <c>'3'</c> for the string "3").
/// </summary>
internal static class ParamSetCommand
{
    public static Command Create()
    {
        Argument<string> node = CliParameters.NodeArgument();
        var name = new Argument<string>("name") { Description = "Parameter name" };
        var value = new Argument<string>("value") { Description = "New value, as YAML" };
        Option<double> timeout = CliParameters.TimeoutOption();
        var command = new Command("set", "Set a parameter") { node, name, value, timeout };
        command.SetAction(result =>
        {
            ParameterValue parsed;
            try
            {
                parsed = ParameterYaml.ParseValue(result.GetValue(value)!);
            }
            catch (FormatException e)
            {
                throw new CliError($"Cannot use '{result.GetValue(value)}' as a parameter value: {e.Message}");
            }

            using CliParameters remote = CliParameters.Open("param_set", result.GetValue(node)!, result.GetValue(timeout));
            IReadOnlyList<SetParametersResult> results = remote.Wait((c, t, ct) => c.SetAsync([new Parameter(result.GetValue(name)!, parsed)], t, ct));
            SetParametersResult outcome = results.Count == 1 ? results[0] : SetParametersResult.Rejected("the node sent no result");
            string reason = outcome.Reason.Length > 0 ? ": " + outcome.Reason : string.Empty;
            if (!outcome.Successful)
            {
                Console.Error.WriteLine("Set parameter failed" + reason);
                return 1;
            }

            Console.WriteLine("Set parameter successful" + reason);
            return 0;
        });
        return command;
    }
}
