using System.Globalization;
using PhysicalAI.Ros.Client.Names;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Launch;

/// <summary>
/// <c>node</c>: one node process. Attributes as launch_ros reads them from YAML: pkg, exec, name,
/// namespace, exec_name, param (values and <c>from</c> files), remap (from/to), args, ros_args, env
/// (name/value), cwd, launch-prefix, output (screen, log, both), respawn, respawn_delay,
/// respawn_max_retries, on_exit (shutdown: a required node), sigterm_timeout, sigkill_timeout.
/// </summary>
internal sealed class NodeAction : LaunchAction
{
    public static readonly string[] Attributes =
    [
        "pkg", "exec", "name", "namespace", "exec_name", "param", "remap", "args", "ros_args", "env", "cwd", "launch-prefix",
        "output", "respawn", "respawn_delay", "respawn_max_retries", "on_exit", "sigterm_timeout", "sigkill_timeout", "if", "unless",
    ];

    /// <summary>ros2 launch's defaults: 5 s from SIGINT to SIGTERM, and 5 s more to SIGKILL.</summary>
    public static readonly TimeSpan DefaultSigtermTimeout = TimeSpan.FromSeconds(5), DefaultSigkillTimeout = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, SubstitutionText?> _text;
    private readonly IReadOnlyList<ParameterEntry> _parameters;
    private readonly IReadOnlyList<(SubstitutionText From, SubstitutionText To)> _remaps;
    private readonly IReadOnlyList<(SubstitutionText Name, SubstitutionText Value)> _environment;

    private NodeAction(LaunchEntity entity, LaunchCondition? condition)
        : base(entity.Location, condition)
    {
        _text = new[] { "name", "namespace", "exec_name", "args", "ros_args", "cwd", "launch-prefix", "output", "respawn", "respawn_delay", "respawn_max_retries", "on_exit", "sigterm_timeout", "sigkill_timeout" }
            .ToDictionary(a => a, entity.Text);
        Package = entity.Text("pkg") ?? throw new LaunchFileException(entity.Location, "'node' needs 'pkg' (pai launch starts package executables, such as pkg: physical_ai_ros)");
        Executable = entity.RequiredText("exec");
        _parameters = [.. entity.List("param").Select(ParameterEntry.Read)];
        _remaps = [.. entity.List("remap").Select(r =>
        {
            (SubstitutionText, SubstitutionText) rule = (r.RequiredText("from"), r.RequiredText("to"));
            r.EnsureAllRead(["from", "to"]);
            return rule;
        })];
        _environment = [.. entity.List("env").Select(e =>
        {
            (SubstitutionText, SubstitutionText) variable = (e.RequiredText("name"), e.RequiredText("value"));
            e.EnsureAllRead(["name", "value"]);
            return variable;
        })];
        entity.EnsureAllRead(Attributes);
    }

    public SubstitutionText Package { get; }

    public SubstitutionText Executable { get; }

    public static NodeAction Read(LaunchEntity entity) => new(entity, LaunchCondition.Read(entity));

    protected override void Execute(LaunchContext context)
    {
        string package = context.Evaluate(Package);
        string executable = context.Evaluate(Executable);
        IReadOnlyList<string> program = context.ResolveProgram(package, executable, Executable.Location);
        if (_text["launch-prefix"] is { } prefix)
        {
            program = [.. CommandLineWords.SplitValue(prefix, context), .. program];
        }

        string? name = Evaluate(context, "name");
        if (name is not null)
        {
            try
            {
                RosNames.ValidateNodeName(name);
            }
            catch (NameValidationException e)
            {
                throw new LaunchFileException(_text["name"]!.Location, $"node name '{name}' is not valid: {e.Message}");
            }
        }

        string? ns = PushRosNamespaceAction.Combine(context.RosNamespace, Evaluate(context, "namespace"));
        if (ns is not null)
        {
            ns = PushRosNamespaceAction.Validated(ns, _text["namespace"]?.Location ?? Location);
        }

        var environment = new Dictionary<string, string>(context.Environment);
        foreach ((SubstitutionText variable, SubstitutionText value) in _environment)
        {
            environment[context.Evaluate(variable)] = context.Evaluate(value);
        }

        string? respawnDelay = Evaluate(context, "respawn_delay");
        string? maxRetries = Evaluate(context, "respawn_max_retries");
        string? onExit = Evaluate(context, "on_exit");
        if (onExit is not null && onExit != "shutdown")
        {
            throw new LaunchFileException(_text["on_exit"]!.Location, $"on_exit is '{onExit}'; the only action supported (as in ros2 launch's frontends) is 'shutdown'");
        }

        context.Plan.Nodes.Add(new NodeLaunch
        {
            Label = context.NextLabel(Evaluate(context, "exec_name") ?? executable),
            Package = package,
            Executable = executable,
            Program = program,
            Arguments = Words(context, "args"),
            RosArguments = Words(context, "ros_args"),
            NodeName = name,
            Namespace = ns,
            Parameters = EvaluateParameters(context),
            Remaps = [.. _remaps.Select(r => (context.Evaluate(r.From), context.Evaluate(r.To)))],
            Environment = environment,
            WorkingDirectory = Evaluate(context, "cwd"),
            Output = Evaluate(context, "output") switch
            {
                null or "log" => OutputMode.Log,
                "screen" or "both" => OutputMode.Screen,
                var other => throw new LaunchFileException(_text["output"]!.Location, $"output is '{other}'; use screen, log or both"),
            },
            Respawn = Evaluate(context, "respawn") is { } respawn && LaunchCondition.ParseBool(respawn, _text["respawn"]!, "respawn"),
            RespawnDelay = respawnDelay is null ? TimeSpan.Zero : Seconds(respawnDelay, "respawn_delay"),
            RespawnMaxRetries = maxRetries is null ? -1
                : int.TryParse(maxRetries, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int retries) ? retries
                : throw new LaunchFileException(_text["respawn_max_retries"]!.Location, $"respawn_max_retries is '{maxRetries}'; give a whole number (negative for no limit)"),
            ShutdownOnExit = onExit is not null,
            SigtermTimeout = Evaluate(context, "sigterm_timeout") is { } sigterm ? Seconds(sigterm, "sigterm_timeout") : DefaultSigtermTimeout,
            SigkillTimeout = Evaluate(context, "sigkill_timeout") is { } sigkill ? Seconds(sigkill, "sigkill_timeout") : DefaultSigkillTimeout,
            Location = Location,
        });
    }

    private string? Evaluate(LaunchContext context, string attribute) =>
        _text[attribute] is { } text ? context.Evaluate(text) : null;

    private IReadOnlyList<string> Words(LaunchContext context, string attribute) =>
        _text[attribute] is { } text ? CommandLineWords.Split(text, context) : [];

    private TimeSpan Seconds(string value, string attribute) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0 && seconds < 1e6
            ? TimeSpan.FromSeconds(seconds)
            : throw new LaunchFileException(_text[attribute]!.Location, $"{attribute} is '{value}'; give seconds, a number of 0 or more");

    private List<NodeParameters> EvaluateParameters(LaunchContext context)
    {
        var sources = new List<NodeParameters>();
        List<Parameter>? values = null;
        foreach (ParameterEntry entry in _parameters)
        {
            if (entry is ParameterFileEntry file)
            {
                values = null;
                string path = context.Evaluate(file.Path);
                if (!File.Exists(path))
                {
                    throw new LaunchFileException(file.Location, $"params file '{path}' does not exist");
                }

                sources.Add(new NodeParameters(path, null));
            }
            else
            {
                if (values is null)
                {
                    values = [];
                    sources.Add(new NodeParameters(null, values));
                }

                ((ParameterValueEntry)entry).Collect(context, string.Empty, values);
            }
        }

        return sources;
    }
}
