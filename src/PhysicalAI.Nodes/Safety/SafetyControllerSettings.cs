using PhysicalAI.Robot;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Parameters;
using static PhysicalAI.Nodes.ReadOnlyParameters;
using PhysicalAI.Safety;

namespace PhysicalAI.Nodes.Safety;

/// <summary>safety_controller's parameters (all read-only except <c>speed_scale</c>), declared with descriptors.</summary>
internal sealed record SafetyControllerSettings
{
    public required string RobotDescriptionFile { get; init; }

    public required string JointLimitsFile { get; init; }

    public required SafetyControllerOptions Options { get; init; }

    public required SafetyDefaults Defaults { get; init; }

    public required string ToolLink { get; init; }

    public required WorkspaceBox? Workspace { get; init; }

    public required OutputKind Output { get; init; }

    public required string OutputTopic { get; init; }

    public required double DiagnosticsRate { get; init; }

    public static SafetyControllerSettings Read(Node node)
    {
        string robot = node.DeclareParameter("robot", string.Empty, Described("Built-in robot (pai_arm, so101) whose URDF gives the limits; empty to use robot_description_file or the /robot_description topic"));
        string file = node.DeclareParameter("robot_description_file", string.Empty, Described("URDF file giving the limits; empty to use 'robot' or the /robot_description topic"));
        string limits = node.DeclareParameter("joint_limits_file", string.Empty, Described("ros2_control joint_limits YAML that tightens the URDF's limits; empty for none"));
        double rate = node.DeclareParameter("rate", 500.0, Ranged("Control rate, Hz", 50, 1000));
        double commandTimeout = node.DeclareParameter("command_timeout", 0.1, Ranged("The active source's commands older than this stop the arm, s", 0.005, 10));
        double stateTimeout = node.DeclareParameter("state_timeout", 0.1, Ranged("Joint states older than this are a fault, s", 0.005, 10));
        double feedback = node.DeclareParameter("feedback_tolerance", 0.2, Ranged("Measured position further than this from the setpoint is a fault, rad or m", 0.001, 10));
        double maxStartJump = node.DeclareParameter("max_start_jump", 0.1, Ranged("An action chunk's first point may be at most this far from the setpoint, rad or m", 0, 10));
        string chunkTiming = node.DeclareParameter("chunk_timing", "time_scale", Described("Action chunks faster than the velocity limits: time_scale (stretch) or reject"));
        bool startEnabled = node.DeclareParameter("start_enabled", false, Described("Armed at start (otherwise call ~/enable)"));
        double margin = node.DeclareParameter("position_margin", 0.05, Ranged("Soft limits this far inside the position limits where the URDF has no tighter <safety_controller>, rad or m", 0, 1));
        double acceleration = node.DeclareParameter("default_acceleration", 5.0, Ranged("Acceleration limit of joints that state none, rad/s²", 0.01, 1000));
        double jerk = node.DeclareParameter("default_jerk", 100.0, Ranged("Jerk limit of joints that state none, rad/s³", 0.1, 100000));
        node.DeclareParameter("speed_scale", 1.0, new ParameterDescriptor
        {
            Description = "Fraction of the velocity limits allowed, 0..1 (changeable while running)",
            FloatingPointRange = new FloatingPointRange(0, 1),
        });
        string tool = node.DeclareParameter("tool_link", "tool0", Described("Tool frame kept inside the workspace box"));
        double[] workspaceMin = node.DeclareParameter("workspace_min", Array.Empty<double>(), Described("Workspace box corner [x, y, z] in the base frame, m; empty for no box"));
        double[] workspaceMax = node.DeclareParameter("workspace_max", Array.Empty<double>(), Described("Workspace box corner [x, y, z] in the base frame, m; empty for no box"));
        string output = node.DeclareParameter("output_type", "position_array", Described("Command form: position_array (Float64MultiArray), joint_state or joint_trajectory"));
        string outputTopic = node.DeclareParameter("output_topic", "/forward_position_controller/commands", Described("The robot's command topic"));
        double diagnosticsRate = node.DeclareParameter("diagnostics_rate", 10.0, Ranged("Rate of /diagnostics and ~/status, Hz", 0.1, 100));

        if (robot.Length > 0 && BuiltInRobots.File(robot) is null)
        {
            throw new InvalidParameterValueException($"parameter 'robot' is '{robot}'; built-in robots are {string.Join(" and ", BuiltInRobots.Names)}");
        }

        if (workspaceMin.Length != workspaceMax.Length || (workspaceMin.Length != 0 && workspaceMin.Length != 3))
        {
            throw new InvalidParameterValueException("parameters 'workspace_min' and 'workspace_max' take 3 numbers each (or are both empty for no box)");
        }

        WorkspaceBox? box = null;
        if (workspaceMin.Length == 3)
        {
            if (workspaceMin.Zip(workspaceMax).Any(p => !(p.First < p.Second)))
            {
                throw new InvalidParameterValueException($"parameter 'workspace_min' [{string.Join(", ", workspaceMin)}] must be below 'workspace_max' [{string.Join(", ", workspaceMax)}] on every axis");
            }

            box = new WorkspaceBox(new Vector3d(workspaceMin[0], workspaceMin[1], workspaceMin[2]), new Vector3d(workspaceMax[0], workspaceMax[1], workspaceMax[2]));
        }

        return new SafetyControllerSettings
        {
            RobotDescriptionFile = file.Length > 0 ? file : robot.Length > 0 ? BuiltInRobots.File(robot)! : string.Empty,
            JointLimitsFile = limits,
            Options = new SafetyControllerOptions
            {
                Period = 1 / rate,
                CommandTimeout = commandTimeout,
                StateTimeout = stateTimeout,
                FeedbackTolerance = feedback,
                MaxStartJump = maxStartJump,
                ChunkTiming = chunkTiming switch
                {
                    "time_scale" => ChunkTiming.TimeScale,
                    "reject" => ChunkTiming.Reject,
                    _ => throw new InvalidParameterValueException($"parameter 'chunk_timing' is '{chunkTiming}'; use time_scale or reject"),
                },
                StartEnabled = startEnabled,
            },
            Defaults = new SafetyDefaults { PositionMargin = margin, Acceleration = acceleration, Jerk = jerk },
            ToolLink = tool,
            Workspace = box,
            Output = output switch
            {
                "position_array" => OutputKind.PositionArray,
                "joint_state" => OutputKind.JointState,
                "joint_trajectory" => OutputKind.JointTrajectory,
                _ => throw new InvalidParameterValueException($"parameter 'output_type' is '{output}'; use position_array, joint_state or joint_trajectory"),
            },
            OutputTopic = outputTopic,
            DiagnosticsRate = diagnosticsRate,
        };
    }
}
