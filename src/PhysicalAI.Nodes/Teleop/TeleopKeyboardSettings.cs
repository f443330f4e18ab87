using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Names;
using PhysicalAI.Ros.Client.Parameters;
using static PhysicalAI.Nodes.ReadOnlyParameters;

namespace PhysicalAI.Nodes.Teleop;

/// <summary>teleop_keyboard's parameters, declared with descriptors and read once at start.</summary>
internal sealed record TeleopKeyboardSettings
{
    public required string[] JointNames { get; init; }

    public required double MaxVelocity { get; init; }

    public required double SpeedScale { get; init; }

    public required double KeyTimeout { get; init; }

    public required double RepeatTimeout { get; init; }

    public required double Rate { get; init; }

    public required string SafetyController { get; init; }

    public required string SimArm { get; init; }

    /// <summary>Declares and reads the parameters of <paramref name="node"/>; bad values are errors naming the parameter.</summary>
    /// <exception cref="InvalidParameterValueException">A parameter is unusable; the message says which and why.</exception>
    public static TeleopKeyboardSettings Read(Node node)
    {
        string[] joints = node.DeclareParameter("joint_names", Array.Empty<string>(), Described($"Joints the keys jog, in key order (at most {JogKeys.MaxJoints}); empty for the names of the first /joint_states message"));
        double maxVelocity = node.DeclareParameter("max_velocity", 1.0, Ranged("Jog velocity at speed scale 1, rad/s (m/s for prismatic joints); the safety controller's limits still apply", 0.001, 10));
        double speedScale = node.DeclareParameter("speed_scale", 0.3, Ranged("Speed scale at start; + and - change it in steps of 0.1", KeyboardJog.MinSpeedScale, 1));
        double keyTimeout = node.DeclareParameter("key_timeout", 0.7, Ranged("Deadman after a first key press, s: longer than the terminal's auto-repeat delay (250-660 ms), or a held key stutters", 0.05, 5));
        double repeatTimeout = node.DeclareParameter("repeat_timeout", 0.2, Ranged("Deadman once the key auto-repeats, s: several repeat periods (about 33 ms each), so a released key stops the arm soon", 0.02, 5));
        double rate = node.DeclareParameter("rate", 50.0, Ranged("Jog messages per second while a key is held, Hz; keep it well above 1/command_timeout of the safety controller (10 Hz by default)", 5, 500));
        string safety = node.DeclareParameter("safety_controller", "/safety_controller", Described("The safety controller node whose ~/teleop_jog, ~/estop, ~/reset and ~/status are used"));
        string sim = node.DeclareParameter("sim_arm", string.Empty, Described("A sim_arm node whose ~/reset the reset key also calls (a new episode, arm at home), e.g. /sim_arm; empty for none"));

        if (joints.Length > JogKeys.MaxJoints)
        {
            throw new InvalidParameterValueException($"parameter 'joint_names' lists {joints.Length} joints; the keys jog at most {JogKeys.MaxJoints}");
        }

        if (joints.FirstOrDefault(j => j.Length == 0) is not null)
        {
            throw new InvalidParameterValueException("parameter 'joint_names' has an empty name");
        }

        if (joints.GroupBy(j => j).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new InvalidParameterValueException($"parameter 'joint_names' names '{repeated.Key}' twice");
        }

        if (repeatTimeout > keyTimeout)
        {
            throw new InvalidParameterValueException($"parameter 'repeat_timeout' ({repeatTimeout} s) must not exceed 'key_timeout' ({keyTimeout} s)");
        }

        return new TeleopKeyboardSettings
        {
            JointNames = joints,
            MaxVelocity = maxVelocity,
            SpeedScale = speedScale,
            KeyTimeout = keyTimeout,
            RepeatTimeout = repeatTimeout,
            Rate = rate,
            SafetyController = NodeName(node, "safety_controller", safety, required: true),
            SimArm = NodeName(node, "sim_arm", sim, required: false),
        };
    }

    /// <summary>Checks that <paramref name="value"/> can prefix the node's topic and service names (a trailing '/' is dropped).</summary>
    private static string NodeName(Node node, string parameter, string value, bool required)
    {
        string name = value.TrimEnd('/');
        if (name.Length == 0)
        {
            return required
                ? throw new InvalidParameterValueException($"parameter '{parameter}' is '{value}'; give the node's name, such as /{parameter}")
                : name;
        }

        try
        {
            node.ResolveTopicName(name + "/reset");
        }
        catch (NameValidationException e)
        {
            throw new InvalidParameterValueException($"parameter '{parameter}' is '{value}', which is not a node name ({e.Reason}); give the node's name, such as /{parameter}");
        }

        return name;
    }
}
