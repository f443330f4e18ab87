using PhysicalAI.Cli.Launch;
using PhysicalAI.Nodes;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Tests.Launch;

/// <summary>
/// The launch files in launch/: each one parses, names only this suite's executables, and plans to the
/// node graph it promises (remaps into the safety controller, params files that exist and parse).
/// </summary>
public class RepositoryLaunchFileTests
{
    private static readonly string Root = PackageIndex.FromProcess().FindShare(PackageIndex.OwnPackage)!;

    private static IEnumerable<string> LaunchFiles() =>
        Directory.GetFiles(Path.Combine(PackageIndex.FromProcess().FindShare(PackageIndex.OwnPackage)!, "launch"), "*.launch.yaml").Order();

    private static string[] Executables => [.. NodeExecutables.All.Select(e => e.Name)];

    private static LaunchPlan Plan(string file, params (string, string)[] arguments)
    {
        var context = new LaunchContext(new PackageIndex([], null, Root), new Dictionary<string, string>(), ["pai", "run"], Executables);
        return Commands.LaunchCommand.Plan(context, file, arguments);
    }

    [Test]
    public void TheThreeLaunchFilesExist() =>
        Assert.That(LaunchFiles().Select(Path.GetFileName), Is.EquivalentTo(new[] { "robot.launch.yaml", "sim_reach.launch.yaml", "teleop.launch.yaml" }));

    [TestCaseSource(nameof(LaunchFiles))]
    public void Parses_AndStartsOnlyThisSuitesExecutables(string file)
    {
        LaunchPlan plan = Plan(file, Path.GetFileName(file) == "sim_reach.launch.yaml" ? [("teleop", "true")] : []);
        Assert.That(plan.Nodes, Is.Not.Empty);
        foreach (NodeLaunch node in plan.Nodes)
        {
            Assert.That(node.Package, Is.EqualTo(PackageIndex.OwnPackage), node.Label);
            Assert.That(NodeExecutables.Find(node.Executable), Is.Not.Null, $"{node.Location}: '{node.Executable}' is not one of the suite's executables");
            foreach (NodeParameters parameters in node.Parameters.Where(p => p.File is not null))
            {
                Assert.DoesNotThrow(() => ParamsFile.Load(parameters.File!), parameters.File!);
            }
        }
    }

    [Test]
    public void SimReach_WiresThePolicyThroughTheSafetyController()
    {
        string file = Path.Combine(Root, "launch", "sim_reach.launch.yaml");
        LaunchPlan plan = Plan(file);
        Assert.That(plan.Nodes.Select(n => n.Executable), Is.EquivalentTo(new[] { "sim_arm", "policy_node", "safety_controller" }));
        NodeLaunch policy = plan.Nodes.Single(n => n.Executable == "policy_node");
        NodeLaunch safety = plan.Nodes.Single(n => n.Executable == "safety_controller");
        NodeLaunch sim = plan.Nodes.Single(n => n.Executable == "sim_arm");
        Parameter[] safetyFile = [.. ParamsFile.Load(safety.Parameters[0].File!).Select(e => new Parameter(e.Name, e.Value))];
        Assert.Multiple(() =>
        {
            Assert.That(policy.Remaps, Does.Contain(("~/command", "safety_controller/policy_command")));
            Assert.That(policy.Remaps, Does.Contain(("/instruction", "/instruction")).And.Contain(("/front_camera/image_raw", "/front_camera/image_raw")), "the evaluation's ablations remap these");
            Assert.That(safety.NodeName, Is.EqualTo("safety_controller"));
            Assert.That(policy.Parameters.Single().Values, Is.EqualTo(new[] { new Parameter("policy_card", ParameterValue.Of(Path.Combine(Root, "models", "reference_reach.yaml"))), new Parameter("start_enabled", ParameterValue.Of(true)) }));
            Assert.That(safetyFile, Does.Contain(new Parameter("output_topic", ParameterValue.Of("forward_position_controller/commands"))), "sim_arm's command input");
            Assert.That(safetyFile, Does.Contain(new Parameter("start_enabled", ParameterValue.Of(true))));
            Assert.That(sim.Parameters[1].Values, Is.EqualTo(new[] { new Parameter("robot", ParameterValue.Of("pai_arm")), new Parameter("seed", ParameterValue.Of(0L)), new Parameter("episode_timeout", ParameterValue.Of(30.0)) }));
            Assert.That(safety.Parameters[1].Values, Does.Contain(new Parameter("start_enabled", ParameterValue.Of(true))), "armed by default");
            Assert.That((safety.ShutdownOnExit, sim.ShutdownOnExit, policy.Respawn), Is.EqualTo((true, true, true)));
            Assert.That(Plan(file, ("teleop", "true")).Nodes.Select(n => n.Executable), Does.Contain("teleop_keyboard"));
        });
    }

    [Test]
    public void Robot_EveryTopicFollowsItsArgument()
    {
        string file = Path.Combine(Root, "launch", "robot.launch.yaml");
        LaunchPlan plan = Plan(file,
            ("namespace", "arm1"), ("joint_states_topic", "/arm1/joint_states"), ("command_topic", "/arm1/commands"), ("command_type", "joint_trajectory"),
            ("instruction_topic", "/task"), ("front_camera_topic", "/cam0/image"), ("wrist_camera_topic", "/cam1/image"), ("diagnostics_topic", "/arm1/diagnostics"),
            ("policy_command_topic", "safety_controller/policy_trajectory"));
        Assert.That(plan.Nodes.Select(n => n.Executable), Is.EquivalentTo(new[] { "policy_node", "safety_controller" }), "no simulator");
        NodeLaunch policy = plan.Nodes.Single(n => n.Executable == "policy_node");
        NodeLaunch safety = plan.Nodes.Single(n => n.Executable == "safety_controller");
        Assert.Multiple(() =>
        {
            Assert.That((policy.Namespace, safety.Namespace), Is.EqualTo(("/arm1", "/arm1")));
            Assert.That(safety.Parameters.Skip(1).Single().Values, Does.Contain(new Parameter("output_topic", ParameterValue.Of("/arm1/commands")))
                .And.Contain(new Parameter("output_type", ParameterValue.Of("joint_trajectory")))
                .And.Contain(new Parameter("robot_description_file", ParameterValue.Of(string.Empty))));
            Assert.That(safety.Remaps, Is.EquivalentTo(new[] { ("/joint_states", "/arm1/joint_states"), ("/diagnostics", "/arm1/diagnostics") }));
            Assert.That(policy.Remaps, Is.EquivalentTo(new[]
            {
                ("~/command", "safety_controller/policy_trajectory"), ("/joint_states", "/arm1/joint_states"), ("/instruction", "/task"),
                ("/front_camera/image_raw", "/cam0/image"), ("/wrist_camera/image_raw", "/cam1/image"), ("/diagnostics", "/arm1/diagnostics"),
            }));
            Assert.That(ParamsFile.Load(safety.Parameters[0].File!).Single(e => e.Name == "start_enabled").Value, Is.EqualTo(ParameterValue.Of(false)), "a real arm starts disarmed");
        });
    }

    [Test]
    public void ShowArgs_ListsTheArgumentsAsRos2LaunchDoes()
    {
        var output = new StringWriter();
        LaunchArguments.Print(Path.Combine(Root, "launch", "sim_reach.launch.yaml"), new LaunchContext(new PackageIndex([], null, Root), new Dictionary<string, string>(), ["pai", "run"]), output);
        Assert.That(output.ToString(), Does.StartWith(
            "Arguments (pass arguments as '<name>:=<value>'):\n\n    'robot':\n        Built-in robot the simulator and the safety controller use. Valid choices are: ['pai_arm', 'so101']\n        (default: 'pai_arm')\n"));
        Assert.That(output.ToString(), Does.Contain("    'teleop':\n").And.Contain("    'terminal':\n"), "the included teleop file's argument too");
    }
}
