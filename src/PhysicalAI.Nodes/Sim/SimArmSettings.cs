using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;
using PhysicalAI.Ros.Client;
using PhysicalAI.Ros.Client.Parameters;
using static PhysicalAI.Nodes.ReadOnlyParameters;
using PhysicalAI.Sim;

namespace PhysicalAI.Nodes.Sim;

/// <summary>sim_arm's parameters, declared with descriptors and read once at start.</summary>
internal sealed record SimArmSettings
{
    public required RobotModel Robot { get; init; }

    public required string RobotDescription { get; init; }

    public required double PublishRate { get; init; }

    public required double PhysicsRate { get; init; }

    public required int Seed { get; init; }

    public required double[] Home { get; init; }

    public required IReadOnlyList<CameraSpec> Cameras { get; init; }

    public required bool PublishClock { get; init; }

    public required double RealTimeFactor { get; init; }

    public required double EpisodeTimeout { get; init; }

    public required string ToolLink { get; init; }

    /// <summary>Declares and reads the parameters of <paramref name="node"/>; bad values are errors naming the parameter.</summary>
    /// <exception cref="InvalidParameterValueException">A parameter is unusable; the message says which and why.</exception>
    public static SimArmSettings Read(Node node)
    {
        string robotName = node.DeclareParameter("robot", "pai_arm", Described("Built-in robot: pai_arm or so101 (ignored when robot_description_file is set)"));
        string file = node.DeclareParameter("robot_description_file", string.Empty, Described("URDF file of the robot; empty for the built-in robot"));
        string limitsFile = node.DeclareParameter("joint_limits_file", string.Empty, Described("ros2_control joint_limits YAML that restricts the URDF's limits; empty for none"));
        double publishRate = node.DeclareParameter("publish_rate", 100.0, Ranged("Rate of /joint_states and /tf, Hz", 1, 1000));
        double physicsRate = node.DeclareParameter("physics_rate", 1000.0, Ranged("Rate the joint dynamics are integrated at, Hz", 100, 10000));
        long seed = node.DeclareParameter("seed", 0L, RangedInteger("Seed of the first scene; each reset takes the next", 0, int.MaxValue / 2));
        double[] home = node.DeclareParameter("home_positions", Array.Empty<double>(), Described("Joint positions episodes start from (actuated joints, in URDF order); empty for all zero"));
        string[] cameras = node.DeclareParameter("cameras", new[] { "front_camera" }, Described("Camera names; each takes <name>.width, .height, .rate, .horizontal_fov, .mount_link, .xyz, .rpy; [none] for no camera"));
        string toolLink = node.DeclareParameter("tool_link", "tool0", Described("Link whose origin is the tool tip the reach task measures"));
        bool publishClock = node.DeclareParameter("publish_clock", false, Described("Publish simulated time on /clock (starting at 0) and stamp with it; other nodes then run with use_sim_time:=true"));
        double realTimeFactor = node.DeclareParameter("real_time_factor", 1.0, Ranged("Simulated seconds per wall-clock second (only with publish_clock)", 0.1, 20));
        double timeout = node.DeclareParameter("episode_timeout", 30.0, Ranged("Seconds of simulated time an episode may last before it is reported as timed out", 1, 3600));

        string path = file.Length > 0 ? file : BuiltInRobots.File(robotName)
            ?? throw new InvalidParameterValueException($"parameter 'robot' is '{robotName}'; built-in robots are {string.Join(" and ", BuiltInRobots.Names)} (or set robot_description_file)");

        RobotModel model;
        try
        {
            model = UrdfParser.Load(path);
            if (limitsFile.Length > 0)
            {
                model = JointLimitsYaml.Apply(model, limitsFile);
            }
        }
        catch (Exception e) when (e is UrdfException or JointLimitsException)
        {
            throw new InvalidParameterValueException(e.Message);
        }

        if (!model.HasLink(toolLink))
        {
            throw new InvalidParameterValueException(
                $"parameter 'tool_link' is '{toolLink}', which robot '{model.Name}' does not have (links: {string.Join(", ", model.Links.Select(l => l.Name))})");
        }

        // [none] (or ['']) is how a launch file says "no camera": an empty list has no type to declare.
        cameras = [.. cameras.Where(c => c.Length > 0 && c != "none")];
        if (cameras.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new InvalidParameterValueException($"parameter 'cameras' names '{repeated.Key}' twice");
        }

        if (home.Length != 0 && home.Length != model.ActuatedJoints.Count)
        {
            throw new InvalidParameterValueException(
                $"parameter 'home_positions' has {home.Length} values; robot '{model.Name}' has {model.ActuatedJoints.Count} actuated joints ({string.Join(", ", model.ActuatedJointNames)})");
        }

        for (int i = 0; i < home.Length; i++)
        {
            JointLimits limits = model.ActuatedJoints[i].Limits;
            if (!double.IsFinite(home[i]) || (limits.HasPositionLimits && (home[i] < limits.MinPosition || home[i] > limits.MaxPosition)))
            {
                throw new InvalidParameterValueException(
                    $"parameter 'home_positions'[{i}] is {home[i]} for joint '{model.ActuatedJoints[i].Name}', outside its limits [{limits.MinPosition}, {limits.MaxPosition}]");
            }
        }

        return new SimArmSettings
        {
            Robot = model,
            RobotDescription = File.ReadAllText(path),
            PublishRate = publishRate,
            PhysicsRate = physicsRate,
            Seed = (int)seed,
            Home = home.Length == 0 ? new double[model.ActuatedJoints.Count] : home,
            Cameras = [.. cameras.Select(c => Camera(node, c, model))],
            PublishClock = publishClock,
            RealTimeFactor = realTimeFactor,
            EpisodeTimeout = timeout,
            ToolLink = toolLink,
        };
    }

    private static CameraSpec Camera(Node node, string name, RobotModel model)
    {
        CameraSpec defaults = name == CameraSpec.WristCamera.Name ? CameraSpec.WristCamera : CameraSpec.FrontCamera with { Name = name };
        var spec = defaults with
        {
            Width = (int)node.DeclareParameter($"{name}.width", (long)defaults.Width, RangedInteger("Image width, px", 16, 4096)),
            Height = (int)node.DeclareParameter($"{name}.height", (long)defaults.Height, RangedInteger("Image height, px", 16, 4096)),
            Rate = node.DeclareParameter($"{name}.rate", defaults.Rate, Ranged("Frames per second", 0.1, 240)),
            HorizontalFieldOfView = node.DeclareParameter($"{name}.horizontal_fov", defaults.HorizontalFieldOfView, Ranged("Horizontal field of view, rad", 0.1, 3.0)),
            MountLink = node.DeclareParameter($"{name}.mount_link", defaults.MountLink, Described("Link the camera is fixed to")),
        };
        double[] xyz = node.DeclareParameter($"{name}.xyz", new[] { 0.0, 0.0, 0.0 }, Described("Camera position in the mount link frame, m"));
        double[] rpy = node.DeclareParameter($"{name}.rpy", new[] { 0.0, 0.0, 0.0 }, Described("Camera orientation in the mount link frame (roll, pitch, yaw), rad; x looks forward"));
        if (xyz.Length != 3 || rpy.Length != 3)
        {
            throw new InvalidParameterValueException($"parameters '{name}.xyz' and '{name}.rpy' take 3 numbers each");
        }

        if (!model.HasLink(spec.MountLink))
        {
            throw new InvalidParameterValueException(
                $"parameter '{name}.mount_link' is '{spec.MountLink}', which robot '{model.Name}' does not have (links: {string.Join(", ", model.Links.Select(l => l.Name))})");
        }

        return spec with { MountPose = Transform3d.FromXyzRpy(new Vector3d(xyz[0], xyz[1], xyz[2]), rpy[0], rpy[1], rpy[2]) };
    }
}
