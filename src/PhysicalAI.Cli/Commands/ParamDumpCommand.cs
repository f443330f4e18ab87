using System.CommandLine;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai param dump NODE [--output FILE]</c>: all parameters as a params file, as <c>ros2 param dump</c>.</summary>
internal static class ParamDumpCommand
{
    public static Command Create()
    {
        Argument<string> node = CliParameters.NodeArgument();
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        Option<double> timeout = CliParameters.TimeoutOption();
        var command = new Command("dump", "Print a node's parameters in params-file YAML (usable with --params-file)") { node, output, timeout };
        command.SetAction(result =>
        {
            using CliParameters remote = CliParameters.Open("param_dump", result.GetValue(node)!, result.GetValue(timeout));
            (IReadOnlyList<string> names, _) = remote.Wait((c, t, ct) => c.ListAsync([], 0, t, ct));
            IReadOnlyList<ParameterValue> values = names.Count == 0 ? [] : remote.Wait((c, t, ct) => c.GetAsync(names, t, ct));
            if (values.Count != names.Count)
            {
                throw new CliError($"Node '{remote.Client.RemoteNode}' listed {names.Count} parameters but returned {values.Count} values (a parameter was undeclared meanwhile?); try again");
            }

            string yaml = ParamsFile.Format(remote.Client.RemoteNode, names.Select((n, i) => new Parameter(n, values[i])));
            if (result.GetValue(output) is { } path)
            {
                try
                {
                    File.WriteAllText(path, yaml);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliError($"Cannot write {path}: {e.Message}");
                }

                Console.WriteLine($"Saved parameters of {remote.Client.RemoteNode} to {path}");
            }
            else
            {
                Console.Write(yaml);
            }

            return 0;
        });
        return command;
    }
}
