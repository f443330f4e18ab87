using System.CommandLine;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai param load NODE FILE</c>: set the values a params file gives the node, as <c>ros2 param load</c>.</summary>
internal static class ParamLoadCommand
{
    public static Command Create()
    {
        Argument<string> node = CliParameters.NodeArgument();
        var file = new Argument<string>("file") { Description = "Params file (the format of --params-file and pai param dump)" };
        Option<double> timeout = CliParameters.TimeoutOption();
        var command = new Command("load", "Set parameters from a params file") { node, file, timeout };
        command.SetAction(result =>
        {
            IReadOnlyList<ParamsFile.Entry> entries;
            try
            {
                entries = ParamsFile.Load(result.GetValue(file)!);
            }
            catch (ParamsFileException e)
            {
                throw new CliError(e.Message);
            }

            using CliParameters remote = CliParameters.Open("param_load", result.GetValue(node)!, result.GetValue(timeout));
            var overrides = new ParameterOverrides();
            foreach (ParamsFile.Entry entry in entries)
            {
                overrides.Add(entry.NodePattern, entry.Name, entry.Value, entry.Source);
            }

            Parameter[] parameters = [.. overrides.ForNode(remote.Client.RemoteNode).Select(kv => new Parameter(kv.Key, kv.Value.Value))];
            if (parameters.Length == 0)
            {
                throw new CliError($"{result.GetValue(file)} has no parameters for node '{remote.Client.RemoteNode}'");
            }

            IReadOnlyList<SetParametersResult> results = remote.Wait((c, t, ct) => c.SetAsync(parameters, t, ct));
            int failed = 0;
            for (int i = 0; i < parameters.Length; i++)
            {
                SetParametersResult r = i < results.Count ? results[i] : SetParametersResult.Rejected("no result");
                if (r.Successful)
                {
                    Console.WriteLine($"Set parameter {parameters[i].Name} successful");
                }
                else
                {
                    failed++;
                    Console.Error.WriteLine($"Set parameter {parameters[i].Name} failed: {r.Reason}");
                }
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
