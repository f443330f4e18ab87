using System.Text.RegularExpressions;
using PhysicalAI.Cli.Launch;

namespace PhysicalAI.Cli.Commands;

/// <summary>
/// <c>pai launch [-s] [-p] FILE|PACKAGE FILE [name:=value ...]</c>: runs a ROS 2 YAML launch file without
/// ROS 2, as <c>ros2 launch</c> would run it. The whole file (with its includes) is read and evaluated
/// first; any error stops it before a process starts. Parsed by hand, like <c>pai run</c>, so that
/// <c>name:=value</c> pairs reach the launch file as written.
/// </summary>
internal static partial class LaunchCommand
{
    private const string Usage =
        "usage: pai launch [-s|--show-args] [-p|--print] FILE [name:=value ...]\n" +
        "       pai launch [options] physical_ai_ros FILE.launch.yaml [name:=value ...]\n\n" +
        "Runs a ROS 2 YAML launch file (see docs/launch.md for what is supported).\n" +
        "  -s, --show-args  list the launch arguments and their defaults, start nothing\n" +
        "  -p, --print      print each process's command line, start nothing";

    public static int Run(string[] args)
    {
        bool showArgs = false, print = false;
        var positional = new List<string>();
        var arguments = new List<(string Name, string Value)>();
        foreach (string arg in args)
        {
            switch (arg)
            {
                case "-h" or "--help":
                    Console.WriteLine(Usage);
                    return 0;
                case "-s" or "--show-args" or "--show-arguments":
                    showArgs = true;
                    break;
                case "-p" or "--print" or "--print-description":
                    print = true;
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        Console.Error.WriteLine($"pai launch: unknown option '{arg}'\n{Usage}");
                        return 2;
                    }

                    int separator = arg.IndexOf(":=", StringComparison.Ordinal);
                    if (separator >= 0)
                    {
                        string name = arg[..separator];
                        if (!ArgumentName().IsMatch(name))
                        {
                            Console.Error.WriteLine($"pai launch: '{arg}' is not a launch argument: the name before ':=' must be letters, digits and underscores");
                            return 2;
                        }

                        arguments.Add((name, arg[(separator + 2)..]));
                    }
                    else
                    {
                        positional.Add(arg);
                    }

                    break;
            }
        }

        try
        {
            LaunchContext context = LaunchContext.ForProcess();
            string file = positional.Count switch
            {
                1 => positional[0],
                2 => FindInPackage(context.Packages, positional[0], positional[1]),
                0 => throw new CliError($"no launch file given\n{Usage}"),
                _ => throw new CliError($"'{positional[2]}' is neither the launch file nor a name:=value argument\n{Usage}"),
            };
            if (!File.Exists(file))
            {
                throw new CliError($"no launch file '{file}'");
            }

            if (showArgs)
            {
                LaunchArguments.Print(file, context, Console.Out);
                return 0;
            }

            LaunchPlan plan = Plan(context, file, arguments);
            if (print)
            {
                foreach (NodeLaunch node in plan.Nodes)
                {
                    IReadOnlyList<string> line = NodeCommandLine.Build(node, values => "<" + string.Join(", ", values.Select(v => $"{v.Name}:={v.Value}")) + ">");
                    Console.WriteLine($"{node.Label}: {string.Join(' ', line.Select(Quote))}");
                }

                return 0;
            }

            if (plan.Nodes.Count == 0)
            {
                Console.Error.WriteLine($"pai launch: {file} starts no process");
                return 0;
            }

            using var log = new LaunchLog(Console.Out, LaunchLog.DefaultDirectory());
            if (log.Directory is not null)
            {
                log.Info("launch", $"All log files can be found below {log.Directory}");
            }

            return new ProcessSupervisor(plan, log).RunAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is LaunchFileException or CliError)
        {
            Console.Error.WriteLine($"pai launch: {e.Message}");
            return 1;
        }
    }

    /// <summary>Runs the actions of <paramref name="file"/> with the command line's arguments set, checking every argument given is declared.</summary>
    /// <exception cref="LaunchFileException">The file cannot be run as written, or an argument given is not declared.</exception>
    public static LaunchPlan Plan(LaunchContext context, string file, IReadOnlyList<(string Name, string Value)> arguments)
    {
        foreach ((string name, string value) in arguments)
        {
            context.SetConfiguration(name, value);
        }

        context.RunFile(file, null);
        string[] declared = [.. context.Plan.Arguments.Distinct()];
        foreach ((string name, _) in arguments.Where(a => !declared.Contains(a.Name)))
        {
            throw new LaunchFileException(new SourceLocation(file, 1),
                $"launch argument '{name}' is not declared by this file or the files it includes (arguments: {(declared.Length == 0 ? "none" : string.Join(", ", declared))})");
        }

        return context.Plan;
    }

    private static string FindInPackage(PackageIndex packages, string package, string file)
    {
        string share = packages.FindShare(package) ?? throw new CliError($"package '{package}' is not found: {packages.Describe()}");
        string direct = Path.Combine(share, "launch", file);
        if (File.Exists(direct))
        {
            return direct;
        }

        return Directory.EnumerateFiles(share, file, SearchOption.AllDirectories).FirstOrDefault()
            ?? throw new CliError($"package '{package}' ({share}) has no launch file '{file}'");
    }

    private static string Quote(string word) => word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/_-.:=~<>,".Contains(c)) ? word : $"'{word}'";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ArgumentName();
}
