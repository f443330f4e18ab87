using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PhysicalAI.Robot;

/// <summary>
/// Joint limits from YAML in ros2_control's <c>joint_limits</c> format, on top of a URDF's:
/// <code>
/// joint_limits:                 # at the top, or under NODE: ros__parameters: in a params file
///   joint_1:
///     has_velocity_limits: true
///     max_velocity: 1.0
///     has_acceleration_limits: true
///     max_acceleration: 4.0
///     has_soft_limits: true
///     soft_lower_limit: -2.8
///     soft_upper_limit: 2.8
///     k_position: 10.0
///     k_velocity: 1.0
/// </code>
/// Like ros2_control, the YAML can restrict a joint's URDF limits but not extend them: a looser value, or
/// switching off a limit the URDF sets, is an error naming the file, line and joint — a limits file must
/// never make a robot less safe than its description.
/// </summary>
public static class JointLimitsYaml
{
    private static readonly HashSet<string> Keys =
    [
        "has_position_limits", "min_position", "max_position",
        "has_velocity_limits", "max_velocity",
        "has_acceleration_limits", "max_acceleration",
        "has_deceleration_limits", "max_deceleration",
        "has_jerk_limits", "max_jerk",
        "has_effort_limits", "max_effort",
        "angle_wraparound",
        "has_soft_limits", "k_position", "k_velocity", "soft_lower_limit", "soft_upper_limit",
    ];

    /// <summary>The model with the limits of the file at <paramref name="path"/> applied.</summary>
    /// <exception cref="JointLimitsException">The file is unreadable, malformed, names unknown joints or loosens a limit.</exception>
    public static RobotModel Apply(RobotModel model, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new JointLimitsException($"{path}: cannot read the joint limits file: {e.Message}");
        }

        return Apply(model, text, path);
    }

    /// <summary>The model with the limits in <paramref name="yaml"/> applied; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="JointLimitsException">The text is malformed, names unknown joints or loosens a limit.</exception>
    public static RobotModel Apply(RobotModel model, string yaml, string source)
    {
        YamlMappingNode? section = FindSection(yaml, source);
        if (section is null)
        {
            return model;
        }

        var limits = new Dictionary<string, JointLimits>(StringComparer.Ordinal);
        foreach ((YamlNode key, YamlNode value) in section.Children)
        {
            string jointName = Scalar(key, source);
            if (!model.Joints.Any(j => j.Name == jointName))
            {
                throw new JointLimitsException(
                    $"{source}:{key.Start.Line}: joint '{jointName}' is not in robot '{model.Name}' (joints: {string.Join(", ", model.ActuatedJointNames)})");
            }

            if (value is not YamlMappingNode entries)
            {
                throw new JointLimitsException($"{source}:{value.Start.Line}: joint_limits.{jointName} must be a mapping of limit names to values");
            }

            limits[jointName] = Merge(model.Joint(jointName), entries, source);
        }

        return model.WithLimits(limits);
    }

    private static YamlMappingNode? FindSection(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new JointLimitsException($"{source}:{e.Start.Line}: not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return null;
        }

        if (Child(root, "joint_limits") is { } direct)
        {
            return direct as YamlMappingNode ?? throw new JointLimitsException($"{source}:{direct.Start.Line}: joint_limits must be a mapping of joint names");
        }

        // A params file: NODE: ros__parameters: joint_limits: ...
        foreach (YamlNode node in root.Children.Values)
        {
            if (node is YamlMappingNode entry && Child(entry, "ros__parameters") is YamlMappingNode parameters && Child(parameters, "joint_limits") is { } nested)
            {
                return nested as YamlMappingNode ?? throw new JointLimitsException($"{source}:{nested.Start.Line}: joint_limits must be a mapping of joint names");
            }
        }

        throw new JointLimitsException($"{source}: no 'joint_limits:' section (at the top, or under NODE: ros__parameters:)");
    }

    private static JointLimits Merge(Joint joint, YamlMappingNode entries, string source)
    {
        var given = new Dictionary<string, (YamlNode Node, string Text)>(StringComparer.Ordinal);
        foreach ((YamlNode key, YamlNode value) in entries.Children)
        {
            string name = Scalar(key, source);
            if (!Keys.Contains(name))
            {
                throw new JointLimitsException($"{source}:{key.Start.Line}: joint_limits.{joint.Name}: unknown key '{name}' (known: {string.Join(", ", Keys)})");
            }

            given[name] = (value, Scalar(value, source));
        }

        JointLimits urdf = joint.Limits;
        JointLimits result = urdf;
        string where = $"joint_limits.{joint.Name}";

        bool? Flag(string key) => given.TryGetValue(key, out var v)
            ? v.Text switch
            {
                "true" or "True" or "TRUE" => true,
                "false" or "False" or "FALSE" => false,
                _ => throw new JointLimitsException($"{source}:{v.Node.Start.Line}: {where}.{key} is '{v.Text}', not true or false"),
            }
            : null;

        double? Value(string key)
        {
            if (!given.TryGetValue(key, out var v))
            {
                return null;
            }

            return double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
                ? d
                : throw new JointLimitsException($"{source}:{v.Node.Start.Line}: {where}.{key} is '{v.Text}', not a finite number");
        }

        JointLimitsException Looser(string key, string what) =>
            new($"{source}:{(given.TryGetValue(key, out var v) ? v.Node.Start.Line : entries.Start.Line)}: {where}: {what}; a limits file may restrict the URDF's limits, not extend them");

        if (Flag("has_position_limits") is { } hasPosition)
        {
            if (!hasPosition && urdf.HasPositionLimits)
            {
                throw Looser("has_position_limits", $"the URDF limits its position to [{urdf.MinPosition}, {urdf.MaxPosition}]");
            }

            if (hasPosition)
            {
                double min = Value("min_position") ?? urdf.MinPosition;
                double max = Value("max_position") ?? urdf.MaxPosition;
                if (min > max)
                {
                    throw new JointLimitsException($"{source}:{entries.Start.Line}: {where}: min_position {min} is above max_position {max}");
                }

                if (urdf.HasPositionLimits && (min < urdf.MinPosition || max > urdf.MaxPosition))
                {
                    throw Looser(min < urdf.MinPosition ? "min_position" : "max_position", $"[{min}, {max}] reaches outside the URDF's [{urdf.MinPosition}, {urdf.MaxPosition}]");
                }

                result = result with { HasPositionLimits = double.IsFinite(min) || double.IsFinite(max), MinPosition = min, MaxPosition = max };
            }
        }

        result = Bound(result, "velocity", urdf.HasVelocityLimits, urdf.MaxVelocity, (l, on, v) => l with { HasVelocityLimits = on, MaxVelocity = v });
        result = Bound(result, "acceleration", urdf.HasAccelerationLimits, urdf.MaxAcceleration, (l, on, v) => l with { HasAccelerationLimits = on, MaxAcceleration = v });
        result = Bound(result, "deceleration", urdf.HasDecelerationLimits, urdf.MaxDeceleration, (l, on, v) => l with { HasDecelerationLimits = on, MaxDeceleration = v });
        result = Bound(result, "jerk", urdf.HasJerkLimits, urdf.MaxJerk, (l, on, v) => l with { HasJerkLimits = on, MaxJerk = v });
        result = Bound(result, "effort", urdf.HasEffortLimits, urdf.MaxEffort, (l, on, v) => l with { HasEffortLimits = on, MaxEffort = v });

        if (Flag("angle_wraparound") is { } wrap)
        {
            result = result with { AngleWraparound = wrap };
        }

        if (Flag("has_soft_limits") is true)
        {
            SoftJointLimits current = urdf.Soft ?? new SoftJointLimits(result.MinPosition, result.MaxPosition, 0, 0);
            var soft = new SoftJointLimits(
                Value("soft_lower_limit") ?? current.MinPosition,
                Value("soft_upper_limit") ?? current.MaxPosition,
                Value("k_position") ?? current.KPosition,
                Value("k_velocity") ?? current.KVelocity);
            if (soft.MinPosition > soft.MaxPosition)
            {
                throw new JointLimitsException($"{source}:{entries.Start.Line}: {where}: soft_lower_limit {soft.MinPosition} is above soft_upper_limit {soft.MaxPosition}");
            }

            if (result.HasPositionLimits && (soft.MinPosition < result.MinPosition || soft.MaxPosition > result.MaxPosition))
            {
                throw new JointLimitsException($"{source}:{entries.Start.Line}: {where}: soft limits [{soft.MinPosition}, {soft.MaxPosition}] reach outside the position limits [{result.MinPosition}, {result.MaxPosition}]");
            }

            result = result with { Soft = soft };
        }
        else if (Flag("has_soft_limits") is false && urdf.Soft is not null)
        {
            throw Looser("has_soft_limits", "the URDF sets soft limits (<safety_controller>)");
        }

        return result;

        JointLimits Bound(JointLimits current, string kind, bool urdfHas, double urdfMax, Func<JointLimits, bool, double, JointLimits> with)
        {
            string flagKey = $"has_{kind}_limits", valueKey = $"max_{kind}";
            if (Flag(flagKey) is not { } on)
            {
                if (given.ContainsKey(valueKey))
                {
                    throw new JointLimitsException($"{source}:{given[valueKey].Node.Start.Line}: {where}.{valueKey} is given without {flagKey}: true (ros2_control ignores it then)");
                }

                return current;
            }

            if (!on)
            {
                return urdfHas ? throw Looser(flagKey, $"the URDF limits its {kind} to {urdfMax}") : with(current, false, double.PositiveInfinity);
            }

            double max = Value(valueKey) ?? (urdfHas ? urdfMax : throw new JointLimitsException($"{source}:{given[flagKey].Node.Start.Line}: {where}: {flagKey} is true but {valueKey} is not given"));
            if (max <= 0)
            {
                throw new JointLimitsException($"{source}:{given[valueKey].Node.Start.Line}: {where}.{valueKey} must be positive; got {max}");
            }

            if (urdfHas && max > urdfMax)
            {
                throw Looser(valueKey, $"{valueKey} {max} is above the URDF's {urdfMax}");
            }

            return with(current, true, max);
        }
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? node : null;

    private static string Scalar(YamlNode node, string source) =>
        node is YamlScalarNode { Value: { } text } ? text : throw new JointLimitsException($"{source}:{node.Start.Line}: expected a single value here");
}
