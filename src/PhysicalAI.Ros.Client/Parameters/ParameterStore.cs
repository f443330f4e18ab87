using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PhysicalAI.Ros.Client.Parameters;

/// <summary>
/// A node's parameters, without any transport: declaration with descriptors and command-line overrides,
/// typed values, validation (type, read-only, ranges, on-set callbacks) and the changes to announce.
/// Follows rclcpp's rules and wording. Thread-safe.
/// </summary>
public sealed class ParameterStore
{
    private readonly Lock _gate = new();

    // Held from a change until its Changed handlers have run, so events go out in the order of the changes.
    private readonly Lock _changeGate = new();
    private readonly ILogger _logger;
    private readonly string _node;
    private readonly IReadOnlyDictionary<string, (ParameterValue Value, string Source)> _overrides;
    private readonly SortedDictionary<string, (ParameterValue Value, ParameterType Type, ParameterDescriptor Descriptor)> _parameters = new(StringComparer.Ordinal);
    private readonly List<Func<IReadOnlyList<Parameter>, SetParametersResult>> _callbacks = [];

    /// <summary>Creates the store of node <paramref name="nodeFqn"/>.</summary>
    /// <param name="nodeFqn">The node's fully qualified name, for messages.</param>
    /// <param name="overrides">Initial values from params files and <c>-p</c>, with their sources.</param>
    /// <param name="allowUndeclared">Whether setting an undeclared parameter declares it (dynamically typed).</param>
    /// <param name="logger">Where failing Changed handlers and on-set callbacks are reported.</param>
    public ParameterStore(string nodeFqn, IReadOnlyDictionary<string, (ParameterValue Value, string Source)> overrides, bool allowUndeclared, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _node = nodeFqn;
        _overrides = overrides;
        AllowUndeclared = allowUndeclared;
    }

    /// <summary>Whether setting an undeclared parameter declares it.</summary>
    public bool AllowUndeclared { get; }

    /// <summary>
    /// Raised after every change, with what changed, in the order of the changes (outside the lock that
    /// guards the values, so handlers may read them). A handler that throws is logged; the others still run.
    /// </summary>
    public event Action<ParameterChange>? Changed;

    /// <summary>Overrides given for names that were never declared (a likely typo in a params file).</summary>
    public IReadOnlyList<string> UnusedOverrides()
    {
        lock (_gate)
        {
            return [.. _overrides.Keys.Where(k => !_parameters.ContainsKey(k)).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Declares <paramref name="name"/>: its value is the command-line override when there is one (unless
    /// <paramref name="ignoreOverride"/>), else <paramref name="defaultValue"/>.
    /// </summary>
    /// <exception cref="ParameterAlreadyDeclaredException">The name is taken.</exception>
    /// <exception cref="InvalidParameterTypeException">An override has another type than the default.</exception>
    /// <exception cref="InvalidParameterValueException">The value is out of range or refused by a callback.</exception>
    public ParameterValue Declare(string name, ParameterValue defaultValue, ParameterDescriptor? descriptor = null, bool ignoreOverride = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        descriptor ??= new ParameterDescriptor();
        if (!descriptor.DynamicTyping && defaultValue.Type == ParameterType.NotSet)
        {
            throw new InvalidParameterTypeException(
                $"parameter '{name}' of node '{_node}': cannot declare a statically typed parameter with an uninitialized value (give a default, declare it with a type, or set DynamicTyping)");
        }

        return DeclareCore(name, defaultValue, descriptor, ignoreOverride);
    }

    /// <summary>
    /// Declares <paramref name="name"/> of type <paramref name="type"/> with no default: a params file or
    /// <c>-p</c> must give its value (rclcpp's <c>declare_parameter(name, type)</c>), as for settings that
    /// have no safe default, such as a robot's joint limits.
    /// </summary>
    /// <exception cref="ParameterAlreadyDeclaredException">The name is taken.</exception>
    /// <exception cref="InvalidParameterValueException">No value was given on the command line.</exception>
    /// <exception cref="InvalidParameterTypeException">The value given has another type.</exception>
    public ParameterValue Declare(string name, ParameterType type, ParameterDescriptor? descriptor = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        descriptor ??= new ParameterDescriptor();
        if (type == ParameterType.NotSet || descriptor.DynamicTyping)
        {
            throw new ArgumentException("declare a parameter by type with a real type and without DynamicTyping", nameof(type));
        }

        (ParameterValue Value, string Source) given;
        lock (_gate)
        {
            if (!_overrides.TryGetValue(name, out given))
            {
                throw new InvalidParameterValueException(
                    $"parameter '{name}' of node '{_node}' has no default and no value was given: set it in a params file or with -p {name}:=VALUE ({ParameterValue.TypeName(type)})");
            }
        }

        if (given.Value.Type != type)
        {
            throw new InvalidParameterTypeException(
                $"parameter '{name}' of node '{_node}': {given.Source} gives {Describe(given.Value)} but the parameter is declared as {ParameterValue.TypeName(type)}");
        }

        return DeclareCore(name, given.Value, descriptor, ignoreOverride: false);
    }

    private ParameterValue DeclareCore(string name, ParameterValue defaultValue, ParameterDescriptor descriptor, bool ignoreOverride)
    {
        lock (_changeGate)
        {
            ParameterValue value;
            lock (_gate)
            {
                if (_parameters.ContainsKey(name))
                {
                    throw new ParameterAlreadyDeclaredException(name, _node);
                }

                value = defaultValue;
                string source = "the default";
                if (!ignoreOverride && _overrides.TryGetValue(name, out (ParameterValue Value, string Source) given))
                {
                    if (!descriptor.DynamicTyping && defaultValue.Type != ParameterType.NotSet && given.Value.Type != defaultValue.Type)
                    {
                        throw new InvalidParameterTypeException(
                            $"parameter '{name}' of node '{_node}': {given.Source} gives {Describe(given.Value)} but the parameter is declared as {ParameterValue.TypeName(defaultValue.Type)}");
                    }

                    value = given.Value;
                    source = given.Source;
                }

                ParameterType type = descriptor.DynamicTyping ? ParameterType.NotSet : value.Type;
                if (RangeViolation(name, value, descriptor) is { } violation)
                {
                    throw new InvalidParameterValueException($"parameter '{name}' of node '{_node}' ({source}): {violation}");
                }

                if (RunCallbacks([new Parameter(name, value)]) is { Successful: false } refused)
                {
                    throw new InvalidParameterValueException($"parameter '{name}' of node '{_node}' ({source}) was refused: {refused.Reason}");
                }

                _parameters[name] = (value, type, descriptor);
            }

            Raise(new ParameterChange([new Parameter(name, value)], [], []));
            return value;
        }
    }

    /// <summary>Whether <paramref name="name"/> is declared.</summary>
    public bool Has(string name)
    {
        lock (_gate)
        {
            return _parameters.ContainsKey(name);
        }
    }

    /// <summary>The value of <paramref name="name"/>.</summary>
    /// <exception cref="ParameterNotDeclaredException">It is not declared.</exception>
    public ParameterValue Get(string name)
    {
        lock (_gate)
        {
            return _parameters.TryGetValue(name, out var p) ? p.Value : throw new ParameterNotDeclaredException(name, _node);
        }
    }

    /// <summary>The values of <paramref name="names"/>, or null if any is not declared (as rclcpp's get_parameters service answers).</summary>
    public IReadOnlyList<ParameterValue>? GetAll(IEnumerable<string> names)
    {
        lock (_gate)
        {
            var values = new List<ParameterValue>();
            foreach (string name in names)
            {
                if (!_parameters.TryGetValue(name, out var p))
                {
                    return null;
                }

                values.Add(p.Value);
            }

            return values;
        }
    }

    /// <summary>The descriptor of <paramref name="name"/> and the type it is held to (<see cref="ParameterType.NotSet"/> when dynamically typed).</summary>
    /// <exception cref="ParameterNotDeclaredException">It is not declared.</exception>
    public (ParameterDescriptor Descriptor, ParameterType Type, ParameterValue Value) Describe(string name)
    {
        lock (_gate)
        {
            return _parameters.TryGetValue(name, out var p) ? (p.Descriptor, p.Type, p.Value) : throw new ParameterNotDeclaredException(name, _node);
        }
    }

    /// <summary>Sets one parameter.</summary>
    public SetParametersResult Set(Parameter parameter) => SetAtomically([parameter]);

    /// <summary>Sets each parameter on its own (some may fail), as ROS's set_parameters service does.</summary>
    public IReadOnlyList<SetParametersResult> SetEach(IEnumerable<Parameter> parameters) => [.. parameters.Select(Set)];

    /// <summary>Sets all of <paramref name="parameters"/> or none.</summary>
    public SetParametersResult SetAtomically(IReadOnlyList<Parameter> parameters)
    {
        lock (_changeGate)
        {
            var added = new List<Parameter>();
            var changed = new List<Parameter>();
            var deleted = new List<Parameter>();
            lock (_gate)
            {
                foreach (Parameter p in parameters)
                {
                    if (Check(p) is { } reason)
                    {
                        return SetParametersResult.Rejected(reason);
                    }
                }

                if (RunCallbacks(parameters) is { Successful: false } refused)
                {
                    return refused;
                }

                foreach (Parameter p in parameters)
                {
                    if (!_parameters.TryGetValue(p.Name, out var existing))
                    {
                        _parameters[p.Name] = (p.Value, ParameterType.NotSet, new ParameterDescriptor { DynamicTyping = true });
                        added.Add(p);
                    }
                    else if (p.Value.Type == ParameterType.NotSet)
                    {
                        _parameters.Remove(p.Name);
                        deleted.Add(p);
                    }
                    else
                    {
                        _parameters[p.Name] = existing with { Value = p.Value };
                        changed.Add(p);
                    }
                }
            }

            Raise(new ParameterChange(added, changed, deleted));
            return SetParametersResult.Ok;
        }
    }

    /// <summary>Removes <paramref name="name"/>.</summary>
    /// <exception cref="ParameterNotDeclaredException">It is not declared.</exception>
    /// <exception cref="InvalidParameterValueException">It is read-only.</exception>
    /// <exception cref="InvalidParameterTypeException">It is statically typed (as rclcpp, only dynamically typed parameters can be undeclared).</exception>
    public void Undeclare(string name)
    {
        lock (_changeGate)
        {
            ParameterValue value;
            lock (_gate)
            {
                if (!_parameters.TryGetValue(name, out var p))
                {
                    throw new ParameterNotDeclaredException(name, _node);
                }

                if (p.Descriptor.ReadOnly)
                {
                    throw new InvalidParameterValueException($"parameter '{name}' of node '{_node}' is read-only and cannot be undeclared");
                }

                if (!p.Descriptor.DynamicTyping)
                {
                    throw new InvalidParameterTypeException($"parameter '{name}' of node '{_node}': cannot undeclare a statically typed parameter (declare it with DynamicTyping to allow that)");
                }

                value = p.Value;
                _parameters.Remove(name);
            }

            Raise(new ParameterChange([], [], [new Parameter(name, value)]));
        }
    }

    /// <summary>
    /// Names under <paramref name="prefixes"/> (all when empty) at most <paramref name="depth"/> levels deep
    /// (0: any depth; depth counts below the prefix, as since Jazzy), and the prefixes of the names found,
    /// as rclcpp's list_parameters answers.
    /// </summary>
    public (IReadOnlyList<string> Names, IReadOnlyList<string> Prefixes) List(IReadOnlyList<string> prefixes, ulong depth)
    {
        var names = new List<string>();
        var found = new List<string>();
        lock (_gate)
        {
            foreach (string name in _parameters.Keys)
            {
                bool all = prefixes.Count == 0 && (depth == 0 || (ulong)name.Count(c => c == '.') < depth);
                bool matched = prefixes.Any(prefix =>
                    name == prefix
                    || (name.StartsWith(prefix + ".", StringComparison.Ordinal)
                        && (depth == 0 || (ulong)name[(prefix.Length + 1)..].Count(c => c == '.') < depth)));
                if (!all && !matched)
                {
                    continue;
                }

                names.Add(name);
                int dot = name.LastIndexOf('.');
                if (dot >= 0 && !found.Contains(name[..dot]))
                {
                    found.Add(name[..dot]);
                }
            }
        }

        return (names, found);
    }

    /// <summary>Adds a callback that can refuse values before they are set; dispose the result to remove it.</summary>
    public IDisposable AddOnSetCallback(Func<IReadOnlyList<Parameter>, SetParametersResult> callback)
    {
        lock (_gate)
        {
            _callbacks.Add(callback);
        }

        return new Registration(this, callback);
    }

    private void Raise(ParameterChange change)
    {
        foreach (Action<ParameterChange> handler in Changed?.GetInvocationList().Cast<Action<ParameterChange>>() ?? [])
        {
            try
            {
                handler(change);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "A handler of parameter changes of node '{Node}' failed", _node);
            }
        }
    }

    private SetParametersResult? RunCallbacks(IReadOnlyList<Parameter> parameters)
    {
        // Newest first, as rclcpp runs them: a later callback can refuse before an earlier one sees the values.
        for (int i = _callbacks.Count - 1; i >= 0; i--)
        {
            SetParametersResult result;
            try
            {
                result = _callbacks[i](parameters);
            }
            catch (Exception e)
            {
                // A throwing callback refuses: the caller (perhaps `ros2 param set`) gets the reason, not silence.
                _logger.LogError(e, "An on-set-parameters callback of node '{Node}' failed", _node);
                return SetParametersResult.Rejected($"an on-set-parameters callback failed: {e.Message}");
            }

            if (!result.Successful)
            {
                return result;
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="p"/> cannot be set, or null if it can (rclcpp's reasons).</summary>
    private string? Check(Parameter p)
    {
        if (!_parameters.TryGetValue(p.Name, out var existing))
        {
            if (!AllowUndeclared)
            {
                return $"parameter '{p.Name}' cannot be set because it was not declared";
            }

            return p.Value.Type == ParameterType.NotSet ? $"parameter '{p.Name}' is not declared, so it cannot be unset" : null;
        }

        if (existing.Descriptor.ReadOnly)
        {
            return $"parameter '{p.Name}' cannot be set because it is read-only";
        }

        if (p.Value.Type == ParameterType.NotSet)
        {
            return existing.Type == ParameterType.NotSet ? null : $"parameter '{p.Name}' is statically typed and cannot be unset";
        }

        if (existing.Type != ParameterType.NotSet && p.Value.Type != existing.Type)
        {
            return $"Wrong parameter type, parameter {{{p.Name}}} is of type {{{RclcppTypeName(existing.Type)}}}, setting it to {{{RclcppTypeName(p.Value.Type)}}} is not allowed.";
        }

        return RangeViolation(p.Name, p.Value, existing.Descriptor);
    }

    private static string? RangeViolation(string name, ParameterValue value, ParameterDescriptor descriptor)
    {
        if (value.Value is long l && descriptor.IntegerRange is { } integer && !integer.Allows(l))
        {
            return $"Parameter {{{name}}} doesn't comply with integer range {integer} (value {l})";
        }

        if (value.Value is double nan && double.IsNaN(nan) && descriptor.FloatingPointRange is { } bounded)
        {
            // rclcpp lets NaN through every range; a limit that NaN passes is no limit, so refuse it.
            return $"Parameter {{{name}}} is NaN, which no floating point range {bounded} allows";
        }

        if (value.Value is double d && descriptor.FloatingPointRange is { } floating && !floating.Allows(d))
        {
            return $"Parameter {{{name}}} doesn't comply with floating point range {floating} (value {d.ToString("R", CultureInfo.InvariantCulture)})";
        }

        return null;
    }

    // rclcpp::to_string(ParameterType), which rclcpp's messages use (ros2cli prints other names).
    private static string RclcppTypeName(ParameterType type) => type switch
    {
        ParameterType.NotSet => "not set",
        ParameterType.Bool => "bool",
        ParameterType.ByteArray => "byte_array",
        ParameterType.BoolArray => "bool_array",
        ParameterType.IntegerArray => "integer_array",
        ParameterType.DoubleArray => "double_array",
        ParameterType.StringArray => "string_array",
        _ => ParameterValue.TypeName(type),
    };

    private static string Describe(ParameterValue value) => $"{ParameterValue.TypeName(value.Type)} ({value})";

    private sealed class Registration(ParameterStore store, Func<IReadOnlyList<Parameter>, SetParametersResult> callback) : IDisposable
    {
        public void Dispose()
        {
            lock (store._gate)
            {
                store._callbacks.Remove(callback);
            }
        }
    }
}
