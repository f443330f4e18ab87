using System.CommandLine;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai param list [NODE] [--param-type] [--filter REGEX]</c>: parameter names, as <c>ros2 param list</c>.</summary>
internal static class ParamListCommand
{
    public static Command Create()
    {
        var node = new Argument<string?>("node") { Description = "Fully qualified node name; all nodes when omitted", Arity = ArgumentArity.ZeroOrOne };
        var showTypes = new Option<bool>("--param-type") { Description = "Show each parameter's type" };
        var prefixes = new Option<string[]>("--param-prefixes") { Description = "Only parameters under these prefixes", AllowMultipleArgumentsPerToken = true };
        Option<double> timeout = CliParameters.TimeoutOption();
        var command = new Command("list", "List the parameters of a node (or of every node)") { node, showTypes, prefixes, timeout };
        command.SetAction(result =>
        {
            IReadOnlyList<string> nodes = result.GetValue(node) is { } one ? [one] : Discover(result.GetValue(timeout));
            foreach (string target in nodes)
            {
                using CliParameters remote = CliParameters.Open("param_list", target, result.GetValue(timeout));
                (IReadOnlyList<string> names, _) = remote.Wait((c, t, ct) => c.ListAsync(result.GetValue(prefixes) ?? [], 0, t, ct));
                IReadOnlyList<ParameterType> types = result.GetValue(showTypes) && names.Count > 0
                    ? remote.Wait((c, t, ct) => c.GetTypesAsync(names, t, ct))
                    : [];
                if (nodes.Count > 1)
                {
                    Console.WriteLine($"{remote.Client.RemoteNode}:");
                }

                foreach ((string name, int i) in names.Select((n, i) => (n, i)).OrderBy(p => p.n, StringComparer.Ordinal))
                {
                    string type = types.Count == names.Count ? $" (type: {ParameterValue.TypeName(types[i])})" : string.Empty;
                    Console.WriteLine($"  {name}{type}");
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>Nodes that offer a list_parameters service.</summary>
    private static IReadOnlyList<string> Discover(double seconds)
    {
        using CliRos ros = CliRos.Create("param_list");
        ros.Spin(TimeSpan.FromSeconds(Math.Min(seconds, 2.0)));
        const string Suffix = "/list_parameters";
        return [.. ros.Node.Graph.GetServiceNamesAndTypes()
            .Where(s => s.Service.EndsWith(Suffix, StringComparison.Ordinal) && s.Types.Contains("rcl_interfaces/srv/ListParameters"))
            .Select(s => s.Service[..^Suffix.Length])
            .Where(n => !n.Split('/').Any(token => token.StartsWith('_')))
            .Order(StringComparer.Ordinal)];
    }
}
