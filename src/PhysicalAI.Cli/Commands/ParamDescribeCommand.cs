using System.CommandLine;
using PhysicalAI.Cli.Yaml;
using PhysicalAI.Ros.Client.Parameters;
using Msg = PhysicalAI.Ros.Interfaces.RclInterfaces.Msg;

namespace PhysicalAI.Cli.Commands;

/// <summary><c>pai param describe NODE NAME...</c>: type, description and constraints, as <c>ros2 param describe</c>.</summary>
internal static class ParamDescribeCommand
{
    public static Command Create()
    {
        Argument<string> node = CliParameters.NodeArgument();
        var names = new Argument<string[]>("names") { Description = "Parameter names", Arity = ArgumentArity.OneOrMore };
        Option<double> timeout = CliParameters.TimeoutOption();
        var command = new Command("describe", "Describe parameters") { node, names, timeout };
        command.SetAction(result =>
        {
            string[] wanted = result.GetValue(names)!;
            using CliParameters remote = CliParameters.Open("param_describe", result.GetValue(node)!, result.GetValue(timeout));
            IReadOnlyList<Msg.ParameterDescriptor> descriptors = remote.Wait((c, t, ct) => c.DescribeAsync(wanted, t, ct));
            if (descriptors.Count == 0)
            {
                throw new CliError($"Node '{remote.Client.RemoteNode}' has not declared all of: {string.Join(", ", wanted)}");
            }

            foreach (Msg.ParameterDescriptor d in descriptors)
            {
                Console.WriteLine($"Parameter name: {d.Name}");
                Console.WriteLine($"  Type: {ParameterValue.TypeName((ParameterType)d.Type)}");
                if (d.Description.Length > 0)
                {
                    Console.WriteLine($"  Description: {d.Description}");
                }

                if (d.AdditionalConstraints.Length > 0 || d.ReadOnly || d.DynamicTyping || d.FloatingPointRange.Length > 0 || d.IntegerRange.Length > 0)
                {
                    Console.WriteLine("  Constraints:");
                    if (d.ReadOnly)
                    {
                        Console.WriteLine("    Read only: true");
                    }

                    if (d.DynamicTyping)
                    {
                        Console.WriteLine("    Dynamic typing: true");
                    }

                    foreach (Msg.FloatingPointRange r in d.FloatingPointRange)
                    {
                        Range(PythonFloat.Repr(r.FromValue), PythonFloat.Repr(r.ToValue), r.Step == 0 ? null : PythonFloat.Repr(r.Step));
                    }

                    foreach (Msg.IntegerRange r in d.IntegerRange)
                    {
                        Range(r.FromValue.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ToValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            r.Step == 0 ? null : r.Step.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    if (d.AdditionalConstraints.Length > 0)
                    {
                        Console.WriteLine($"    Additional constraints: {d.AdditionalConstraints}");
                    }
                }
            }

            return 0;
        });
        return command;

        static void Range(string from, string to, string? step)
        {
            Console.WriteLine($"    Min value: {from}");
            Console.WriteLine($"    Max value: {to}");
            if (step is not null)
            {
                Console.WriteLine($"    Step: {step}");
            }
        }
    }
}
