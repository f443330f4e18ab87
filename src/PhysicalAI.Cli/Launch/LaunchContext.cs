using System.Collections;
using PhysicalAI.Nodes;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// The state launch actions run against, as in ros2 launch: launch configurations (arguments and
/// <c>let</c> values; the pushed ROS namespace is the configuration <c>ros_namespace</c>), the environment
/// the processes get, the launch file being run (for <c>$(dirname)</c>), and the plan being collected.
/// Scoped groups save and restore configurations and environment; includes do not (as in ros2 launch).
/// </summary>
internal sealed class LaunchContext
{
    public const string RosNamespaceConfiguration = "ros_namespace";

    private readonly Stack<(Dictionary<string, string> Configurations, Dictionary<string, string> Environment)> _scopes = new();
    private readonly HashSet<string> _running = [];
    private readonly IReadOnlyList<string> _entryPoint;
    private readonly IReadOnlyCollection<string> _executables;
    private Dictionary<string, string> _configurations = [];
    private Dictionary<string, string> _environment;
    private int _processes;

    /// <param name="packages">Where packages are found.</param>
    /// <param name="environment">The environment processes start from (set_env changes it).</param>
    /// <param name="entryPoint">The command line that runs this suite's executables, up to <c>run</c>.</param>
    /// <param name="executables">This suite's executables; null for <see cref="NodeExecutables.All"/>.</param>
    public LaunchContext(PackageIndex packages, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> entryPoint, IReadOnlyCollection<string>? executables = null)
    {
        Packages = packages;
        _environment = new Dictionary<string, string>(environment);
        _entryPoint = entryPoint;
        _executables = executables ?? [.. NodeExecutables.All.Select(e => e.Name)];
    }

    public PackageIndex Packages { get; }

    public LaunchPlan Plan { get; } = new();

    /// <summary>The launch file whose actions are running.</summary>
    public string CurrentFile { get; set; } = string.Empty;

    public IReadOnlyDictionary<string, string> Configurations => _configurations;

    /// <summary>The environment a process started now gets.</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    /// <summary>The pushed ROS namespace (absolute), or null.</summary>
    public string? RosNamespace => _configurations.GetValueOrDefault(RosNamespaceConfiguration);

    /// <summary>A context for this process: its environment and AMENT_PREFIX_PATH, nodes started with this program.</summary>
    public static LaunchContext ForProcess()
    {
        var environment = new Dictionary<string, string>();
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = (string?)entry.Value ?? string.Empty;
        }

        return new LaunchContext(PackageIndex.FromProcess(), environment, NodeEntryPoint.Current());
    }

    public void SetConfiguration(string name, string value) => _configurations[name] = value;

    public void SetEnvironment(string name, string value) => _environment[name] = value;

    public void UnsetEnvironment(string name) => _environment.Remove(name);

    /// <summary>Starts a scope: configuration and environment changes until <see cref="PopScope"/> are undone then.</summary>
    public void PushScope()
    {
        _scopes.Push((_configurations, _environment));
        _configurations = new Dictionary<string, string>(_configurations);
        _environment = new Dictionary<string, string>(_environment);
    }

    public void PopScope() => (_configurations, _environment) = _scopes.Pop();

    /// <summary>The next process label for <paramref name="name"/>: <c>talker-1</c>, <c>listener-2</c>, ...</summary>
    public string NextLabel(string name) => $"{name}-{++_processes}";

    /// <summary>The command line that starts <paramref name="executable"/> of <paramref name="package"/>, up to the node's own arguments.</summary>
    /// <exception cref="LaunchFileException">The package or executable does not exist.</exception>
    public IReadOnlyList<string> ResolveProgram(string package, string executable, SourceLocation location)
    {
        if (package == PackageIndex.OwnPackage)
        {
            if (!_executables.Contains(executable))
            {
                throw new LaunchFileException(location, $"{package} has no executable '{executable}' (executables: {string.Join(", ", _executables)})");
            }

            return [.. _entryPoint, executable];
        }

        string? prefix = Packages.FindPrefix(package)
            ?? throw new LaunchFileException(location, $"package '{package}' is not found: {Packages.Describe()}");
        string path = Path.Combine(prefix, "lib", package, executable);
        if (!File.Exists(path))
        {
            throw new LaunchFileException(location, $"package '{package}' has no executable '{executable}' (no file {path})");
        }

        return [path];
    }

    /// <summary>Runs the actions of the launch file at <paramref name="path"/>, with it as the current file.</summary>
    /// <exception cref="LaunchFileException">The file cannot be read or run; or it includes itself.</exception>
    public void RunFile(string path, SourceLocation? includedFrom)
    {
        string full = Path.GetFullPath(path);
        if (!_running.Add(full))
        {
            throw new LaunchFileException(includedFrom!, $"'{path}' includes itself (directly or through other files)");
        }

        LaunchDescription description = LaunchYamlReader.Load(path, includedFrom);
        string outer = CurrentFile;
        CurrentFile = path;
        try
        {
            foreach (LaunchAction action in description.Actions)
            {
                action.Run(this);
            }
        }
        finally
        {
            CurrentFile = outer;
            _running.Remove(full);
        }
    }

    /// <summary>The value of <paramref name="text"/> now.</summary>
    /// <exception cref="LaunchFileException">A substitution cannot be evaluated: an unset argument or variable, an unknown package.</exception>
    public string Evaluate(SubstitutionText text) => string.Concat(text.Parts.Select(part => part switch
    {
        LiteralPart literal => literal.Text,
        SubstitutionCall call => Evaluate(call, text.Location),
        _ => throw new InvalidOperationException($"unknown substitution part {part}"),
    }));

    /// <summary>The value of one substitution written at <paramref name="location"/>.</summary>
    /// <exception cref="LaunchFileException">It cannot be evaluated.</exception>
    public string Evaluate(SubstitutionCall call, SourceLocation location)
    {
        string[] args = [.. call.Arguments.Select(Evaluate)];
        switch (call.Name)
        {
            case "var":
                return _configurations.TryGetValue(args[0], out string? value) ? value
                    : throw new LaunchFileException(location, $"$(var {args[0]}): launch argument '{args[0]}' is not set (declare it with '- arg: {{name: {args[0]}, default: ...}}', set it with 'let', or pass {args[0]}:=VALUE)");
            case "env":
                return _environment.TryGetValue(args[0], out string? variable) ? variable
                    : args.Length > 1 ? args[1]
                    : throw new LaunchFileException(location, $"$(env {args[0]}): environment variable '{args[0]}' is not set (set it, or give a default: $(env {args[0]} DEFAULT))");
            case "optenv":
                return _environment.GetValueOrDefault(args[0]) ?? (args.Length > 1 ? args[1] : string.Empty);
            case "find-pkg-share":
                return Packages.FindShare(args[0])
                    ?? throw new LaunchFileException(location, $"$(find-pkg-share {args[0]}): package '{args[0]}' is not found: {Packages.Describe()}");
            case "find-pkg-prefix":
                return Packages.FindPrefix(args[0])
                    ?? throw new LaunchFileException(location, $"$(find-pkg-prefix {args[0]}): package '{args[0]}' is not installed: {Packages.Describe()}");
            case "dirname":
                return Path.GetDirectoryName(Path.GetFullPath(CurrentFile)) ?? "/";
            default:
                throw new LaunchFileException(location, $"substitution '$({call.Name})' is not supported by pai launch");
        }
    }
}
