using PhysicalAI.Ros.Client.Logging;
using PhysicalAI.Ros.Client.Names;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Ros.Client.Arguments;

/// <summary>
/// rcl's <c>--ros-args</c> grammar: <c>-r/--remap</c>, <c>-p/--param</c>, <c>--params-file</c>,
/// <c>--log-level</c>, <c>-e/--enclave</c>, <c>--log-config-file</c>, <c>--log-file-name</c>, the
/// enable/disable log flags; <c>--</c> ends a section and several sections may appear. Errors read
/// like rcl's ("Couldn't parse remap rule: ...") and name the argument.
/// </summary>
public static class RosArgumentsParser
{
    private const string RosArgs = "--ros-args";

    /// <summary>Parses <paramref name="args"/> (a program's argv without the program name).</summary>
    /// <exception cref="RosArgumentsException">A ROS argument is malformed, a flag lacks its value, or an argument is unknown.</exception>
    public static RosArguments Parse(IReadOnlyList<string> args)
    {
        var program = new List<string>();
        var remaps = new List<RemapRule>();
        var parameters = new List<ParameterArgument>();
        var loggerLevels = new Dictionary<string, RosLogLevel>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var unknown = new List<string>();
        RosLogLevel? logLevel = null;
        string? enclave = null, logConfigFile = null, logFileName = null;
        bool? rosout = null, stdout = null, external = null;

        bool inSection = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == RosArgs)
            {
                inSection = true;
                continue;
            }

            if (!inSection)
            {
                // rcl still honours remap rules outside --ros-args, with a deprecation warning.
                if (arg.Contains(":=", StringComparison.Ordinal) && TryParseRemap(arg, out RemapRule? legacy, out _))
                {
                    remaps.Add(legacy!);
                    warnings.Add($"Found remap rule '{arg}'. This syntax is deprecated. Use '--ros-args --remap {arg}' instead.");
                }
                else
                {
                    program.Add(arg);
                }

                continue;
            }

            switch (arg)
            {
                case "--":
                    inSection = false;
                    break;
                case "-r" or "--remap":
                    string rule = Value(args, ref i, arg, "No remap rule found.");
                    if (!TryParseRemap(rule, out RemapRule? remap, out string? remapError))
                    {
                        throw new RosArgumentsException($"Couldn't parse remap rule: '{arg} {rule}'. Error: {remapError}");
                    }

                    remaps.Add(remap!);
                    break;
                case "-p" or "--param":
                    string assignment = Value(args, ref i, arg, "No parameter override rule found.");
                    parameters.Add(ParseParameter(arg, assignment));
                    break;
                case "--params-file":
                    string file = Value(args, ref i, arg, "No file path provided.");
                    if (!File.Exists(file))
                    {
                        throw new RosArgumentsException($"Couldn't parse params file: '{arg} {file}'. Error: the file does not exist");
                    }

                    parameters.Add(new ParameterArgument(Path.GetFullPath(file), null, null, null));
                    break;
                case "--log-level":
                    if (i + 1 >= args.Count)
                    {
                        throw new RosArgumentsException($"Couldn't parse trailing log level flag: '{arg}'. No log level provided.");
                    }

                    string level = args[++i];
                    ParseLogLevel(arg, level, ref logLevel, loggerLevels);
                    break;
                case "-e" or "--enclave":
                    enclave = Value(args, ref i, arg, "No enclave path provided.");
                    if (enclave != "/")
                    {
                        try
                        {
                            RosNames.ValidateFullTopicName(enclave);
                        }
                        catch (NameValidationException e)
                        {
                            throw new RosArgumentsException($"Enclave name is not valid: '{enclave}'. Invalid index: {e.InvalidIndex}");
                        }
                    }

                    break;
                case "--log-config-file":
                    logConfigFile = Value(args, ref i, arg, "No file path provided.");
                    break;
                case "--log-file-name":
                    logFileName = Value(args, ref i, arg, "No string prefix provided.");
                    break;
                case "--enable-rosout-logs":
                    rosout = true;
                    break;
                case "--disable-rosout-logs":
                    rosout = false;
                    break;
                case "--enable-stdout-logs":
                    stdout = true;
                    break;
                case "--disable-stdout-logs":
                    stdout = false;
                    break;
                case "--enable-external-lib-logs":
                    external = true;
                    break;
                case "--disable-external-lib-logs":
                    external = false;
                    break;
                default:
                    unknown.Add(arg);
                    break;
            }
        }

        if (unknown.Count > 0)
        {
            throw new RosArgumentsException(
                "found unknown ROS arguments: " + string.Join(", ", unknown.Select(u => $"'{u}'")) +
                " (ROS arguments are -r/--remap, -p/--param, --params-file, --log-level, -e/--enclave, --log-config-file, --log-file-name and the --enable-/--disable-{rosout,stdout,external-lib}-logs flags; end the ROS section with --)");
        }

        return new RosArguments
        {
            ProgramArguments = program,
            Remaps = remaps,
            Parameters = parameters,
            LogLevel = logLevel,
            LoggerLevels = loggerLevels,
            Enclave = enclave,
            LogConfigFile = logConfigFile,
            LogFileName = logFileName,
            RosoutLogs = rosout,
            StdoutLogs = stdout,
            ExternalLibLogs = external,
            Warnings = warnings,
        };
    }

    /// <summary>Parses one remap rule: <c>[node:]from:=to</c>, <c>[node:]__ns:=/ns</c>, <c>[node:]__node:=name</c>.</summary>
    public static bool TryParseRemap(string text, out RemapRule? rule, out string? error)
    {
        rule = null;
        error = null;
        int separator = text.IndexOf(":=", StringComparison.Ordinal);
        if (separator < 0)
        {
            error = "a remap rule is 'from:=to'";
            return false;
        }

        string left = text[..separator];
        string to = text[(separator + 2)..];
        string? node = null;
        RemapKind kind = RemapKind.TopicOrService;
        foreach ((string prefix, RemapKind prefixKind) in new[] { ("rostopic://", RemapKind.Topic), ("rosservice://", RemapKind.Service) })
        {
            if (left.StartsWith(prefix, StringComparison.Ordinal))
            {
                kind = prefixKind;
                left = left[prefix.Length..];
            }
        }

        int colon = left.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            node = left[..colon];
            left = left[(colon + 1)..];
            if (!RosNames.TryValidateNodeName(node, out string? nodeReason, out _))
            {
                error = $"the node name '{node}' before ':' is not valid: {nodeReason}";
                return false;
            }
        }

        if (left.Contains('*', StringComparison.Ordinal) || to.Contains('*', StringComparison.Ordinal))
        {
            error = "Wildcard '*' is not implemented";
            return false;
        }

        if (to.Contains('\\', StringComparison.Ordinal))
        {
            error = "Backreferences are not implemented";
            return false;
        }

        if (left is "__ns")
        {
            if (to.Length > 1 && to.EndsWith('/'))
            {
                to = to[..^1];
            }

            try
            {
                RosNames.ValidateNamespace(to);
            }
            catch (NameValidationException e)
            {
                error = $"Namespace not remapped to a fully qualified name (found: {to}): {e.Reason}";
                return false;
            }

            rule = new RemapRule(node, RemapKind.Namespace, string.Empty, to, text);
            return true;
        }

        if (left is "__node" or "__name")
        {
            if (!RosNames.TryValidateNodeName(to, out string? reason, out _))
            {
                error = $"Node name not remapped to invalid name: '{to}': {reason}";
                return false;
            }

            rule = new RemapRule(node, RemapKind.NodeName, string.Empty, to, text);
            return true;
        }

        foreach (string name in new[] { left, to })
        {
            if (name.Contains('{', StringComparison.Ordinal))
            {
                error = $"'{name}' is not a valid name: substitutions are not allowed in remap rules";
                return false;
            }

            if (!RosNames.TryValidateTopicName(name, out string? reason, out _))
            {
                error = $"'{name}' is not a valid name: {reason}";
                return false;
            }
        }

        rule = new RemapRule(node, kind, left, to, text);
        return true;
    }

    private static ParameterArgument ParseParameter(string flag, string assignment)
    {
        int separator = assignment.IndexOf(":=", StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new RosArgumentsException($"Couldn't parse parameter override rule: '{flag} {assignment}'. Error: expected [node:]name:=value");
        }

        string name = assignment[..separator];
        string? node = null;
        int colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            node = name[..colon];
            name = name[(colon + 1)..];
        }

        if (name.Length == 0 || name.StartsWith('.') || name.EndsWith('.') || name.Contains("..", StringComparison.Ordinal))
        {
            throw new RosArgumentsException($"Couldn't parse parameter override rule: '{flag} {assignment}'. Error: '{name}' is not a parameter name");
        }

        try
        {
            return new ParameterArgument(null, node, name, ParameterYaml.ParseValue(assignment[(separator + 2)..]));
        }
        catch (FormatException e)
        {
            throw new RosArgumentsException($"Couldn't parse parameter override rule: '{flag} {assignment}'. Error: {e.Message}");
        }
    }

    private static void ParseLogLevel(string flag, string text, ref RosLogLevel? defaultLevel, Dictionary<string, RosLogLevel> loggers)
    {
        int separator = text.IndexOf(":=", StringComparison.Ordinal);
        string levelText = separator < 0 ? text : text[(separator + 2)..];
        if (!RosLogLevels.TryParse(levelText, out RosLogLevel level))
        {
            throw new RosArgumentsException($"Couldn't parse log level: '{flag} {text}'. Error: Argument does not use a valid severity level (debug, info, warn, error, fatal or unset)");
        }

        if (separator < 0)
        {
            defaultLevel = level;
            return;
        }

        string logger = text[..separator];
        if (logger.Length == 0)
        {
            throw new RosArgumentsException($"Couldn't parse log level: '{flag} {text}'. Error: Argument has an invalid logger item that name is empty");
        }

        loggers[logger] = level;
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string flag, string missing)
    {
        if (i + 1 >= args.Count)
        {
            throw new RosArgumentsException($"Couldn't parse trailing {flag} flag. {missing}");
        }

        return args[++i];
    }
}
