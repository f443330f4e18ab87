using PhysicalAI.Cli.Launch;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Cli.Tests.Launch;

/// <summary>Running a launch file's actions: arguments, scopes, namespaces, includes, conditions and each node's command line.</summary>
public class LaunchPlanTests
{
    private static IReadOnlyList<string> CommandLine(NodeLaunch node) =>
        NodeCommandLine.Build(node, values => "{" + string.Join(", ", values.Select(v => $"{v.Name}={v.Value.Type}:{v.Value}")) + "}");

    [Test]
    public void Node_CommandLine_FollowsLaunchRosOrder()
    {
        using var folder = new LaunchFolder();
        string parameters = folder.Write("config/talker.yaml", "/**:\n  ros__parameters:\n    greeting: hi\n");
        string file = folder.Write("a.launch.yaml", $$"""
            launch:
            - node:
                pkg: physical_ai_ros
                exec: talker
                name: speaker
                namespace: lab
                args: --number 1 'two words'
                ros_args: --log-level debug
                param:
                - from: $(dirname)/config/talker.yaml
                - {name: count, value: 3}
                remap:
                - {from: chatter, to: /speech}
            """);
        NodeLaunch node = folder.Plan(file).Nodes.Single();
        Assert.That(CommandLine(node), Is.EqualTo(new[]
        {
            "pai", "run", "talker", "--number", "1", "two words",
            "--ros-args", "--log-level", "debug", "-r", "__node:=speaker", "-r", "__ns:=/lab",
            "--params-file", parameters, "--params-file", "{count=Integer:3}", "-r", "chatter:=/speech",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(node.Label, Is.EqualTo("talker-1"));
            Assert.That(node.Output, Is.EqualTo(OutputMode.Log), "ros2 launch's default");
            Assert.That(node.SigtermTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(node.SigkillTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(node.Location, Is.EqualTo(new SourceLocation(file, 2)));
        });
    }

    [Test]
    public void Parameters_AreTypedAsLaunchRosTypesThem()
    {
        using var folder = new LaunchFolder();
        string file = folder.Write("p.launch.yaml", """
            launch:
            - let: {name: n, value: '100'}
            - node:
                pkg: physical_ai_ros
                exec: talker
                param:
                - {name: integer, value: $(var n)}
                - {name: as_string, value: $(var n), type: str}
                - {name: real, value: 2.5}
                - {name: flag, value: true}
                - {name: text, value: reach the cube}
                - {name: empty, value: ''}
                - {name: reals, value: [1.0, 2.0]}
                - {name: words, value: ['1', '2']}
                - {name: names, value: [front_camera, $(var n)]}
                - name: group
                  param:
                  - name: inner
                    param:
                    - {name: x, value: -1}
            """);
        IReadOnlyList<Parameter> values = folder.Plan(file).Nodes.Single().Parameters.Single().Values!;
        Assert.That(values.Select(v => (v.Name, v.Value)), Is.EqualTo(new[]
        {
            ("integer", ParameterValue.Of(100L)),
            ("as_string", ParameterValue.Of("100")),
            ("real", ParameterValue.Of(2.5)),
            ("flag", ParameterValue.Of(true)),
            ("text", ParameterValue.Of("reach the cube")),
            ("empty", ParameterValue.Of(string.Empty)),
            ("reals", ParameterValue.Of(new[] { 1.0, 2.0 })),
            ("words", ParameterValue.Of(new[] { "1", "2" })),
            ("names", ParameterValue.Of(new[] { "front_camera", "100" })),
            ("group.inner.x", ParameterValue.Of(-1L)),
        }));
        Assert.That(NodeCommandLine.ParamsFileText(values), Does.StartWith("/**:\n  ros__parameters:\n"));
        Assert.That(ParamsFile.Parse(NodeCommandLine.ParamsFileText(values), "generated").Select(e => (e.Name, e.Value)),
            Is.EquivalentTo(values.Select(v => (v.Name, v.Value))), "the generated params file reads back as the same values");
    }

    [Test]
    public void MixedList_IsAnErrorNamingTheParameter()
    {
        using var folder = new LaunchFolder();
        string file = folder.Write("p.launch.yaml", "launch:\n- node:\n    pkg: physical_ai_ros\n    exec: talker\n    param:\n    - {name: xs, value: [1, 2.5]}\n");
        var e = Assert.Throws<LaunchFileException>(() => folder.Plan(file))!;
        Assert.That(e.Message, Does.StartWith($"{file}:6: param 'xs' is [1, 2.5]: ").And.Contain("one type"));
    }

    [Test]
    public void ScopedGroup_KeepsItsNamespaceAndArguments_IncludeDoesNot()
    {
        using var folder = new LaunchFolder();
        folder.Write("inner.launch.yaml", """
            launch:
            - arg: {name: who, default: nobody}
            - let: {name: leaked, value: from_include}
            - node: {pkg: physical_ai_ros, exec: listener, name: $(var who)}
            """);
        string file = folder.Write("outer.launch.yaml", """
            launch:
            - push-ros-namespace: {namespace: robot}
            - group:
                children:
                - push_ros_namespace: {namespace: arm}
                - let: {name: scoped, value: inside}
                - node: {pkg: physical_ai_ros, exec: sim_arm, name: sim}
                - node: {pkg: physical_ai_ros, exec: talker, namespace: /absolute}
            - group:
                scoped: false
                children:
                - let: {name: unscoped, value: kept}
            - node: {pkg: physical_ai_ros, exec: talker, name: t_$(var unscoped)}
            - include:
                file: $(dirname)/inner.launch.yaml
                arg: [{name: who, value: ears}]
            - node: {pkg: physical_ai_ros, exec: talker, name: t_$(var leaked)}
            - node: {pkg: physical_ai_ros, exec: talker, name: t_$(optenv X $(var scoped))}
            """);
        var e = Assert.Throws<LaunchFileException>(() => folder.Plan(file))!;
        Assert.That(e.Message, Does.StartWith($"{file}:18: $(var scoped): launch argument 'scoped' is not set"), "a scoped group's let ends with the group");

        folder.Write("outer.launch.yaml", File.ReadAllText(file).Replace("$(optenv X $(var scoped))", "last", StringComparison.Ordinal));
        LaunchPlan plan = folder.Plan(file);
        Assert.That(plan.Nodes.Select(n => (n.Label, n.NodeName, n.Namespace)), Is.EqualTo(new (string, string?, string?)[]
        {
            ("sim_arm-1", "sim", "/robot/arm"),
            ("talker-2", null, "/absolute"),
            ("talker-3", "t_kept", "/robot"),
            ("listener-4", "ears", "/robot"),
            ("talker-5", "t_from_include", "/robot"),
            ("talker-6", "t_last", "/robot"),
        }));
    }

    [Test]
    public void Arguments_CommandLineWins_ChoicesChecked_RequiredOnesAsked()
    {
        using var folder = new LaunchFolder();
        string file = folder.Write("a.launch.yaml", """
            launch:
            - arg: {name: robot, default: pai_arm, choice: [{value: pai_arm}, {value: so101}]}
            - arg: {name: seed, description: first scene}
            - node: {pkg: physical_ai_ros, exec: sim_arm, name: sim_$(var robot)_$(var seed)}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(folder.Plan(file, ("seed", "3")).Nodes.Single().NodeName, Is.EqualTo("sim_pai_arm_3"));
            Assert.That(folder.Plan(file, ("seed", "3"), ("robot", "so101")).Nodes.Single().NodeName, Is.EqualTo("sim_so101_3"));
            Assert.That(Assert.Throws<LaunchFileException>(() => folder.Plan(file))!.Message,
                Is.EqualTo($"{file}:3: launch argument 'seed' (first scene) has no default and was not given: pass seed:=VALUE"));
            Assert.That(Assert.Throws<LaunchFileException>(() => folder.Plan(file, ("seed", "1"), ("robot", "ur5")))!.Message,
                Is.EqualTo($"{file}:2: launch argument 'robot' is 'ur5'; valid choices are pai_arm, so101"));
            Assert.That(Assert.Throws<LaunchFileException>(() => folder.Plan(file, ("seed", "1"), ("robto", "so101")))!.Message,
                Is.EqualTo($"{file}:1: launch argument 'robto' is not declared by this file or the files it includes (arguments: robot, seed)"));
        });
    }

    [Test]
    public void Conditions_IfUnless_AndBadBooleansAreErrors()
    {
        using var folder = new LaunchFolder();
        string file = folder.Write("c.launch.yaml", """
            launch:
            - arg: {name: teleop, default: 'false'}
            - node: {pkg: physical_ai_ros, exec: talker, if: $(var teleop)}
            - node: {pkg: physical_ai_ros, exec: listener, unless: $(var teleop)}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(folder.Plan(file).Nodes.Select(n => n.Executable), Is.EqualTo(new[] { "listener" }));
            Assert.That(folder.Plan(file, ("teleop", "True")).Nodes.Select(n => n.Executable), Is.EqualTo(new[] { "talker" }));
            Assert.That(folder.Plan(file, ("teleop", "1")).Nodes.Select(n => n.Executable), Is.EqualTo(new[] { "talker" }));
            Assert.That(Assert.Throws<LaunchFileException>(() => folder.Plan(file, ("teleop", "yes")))!.Message,
                Is.EqualTo($"{file}:3: 'if' is '$(var teleop)', which evaluates to 'yes'; it must be true, false, 1 or 0"));
        });
    }

    [Test]
    public void Supervision_Attributes()
    {
        using var folder = new LaunchFolder();
        string file = folder.Write("s.launch.yaml", """
            launch:
            - set_env: {name: PAI_MODE, value: sim}
            - node:
                pkg: physical_ai_ros
                exec: sim_arm
                exec_name: arm
                output: screen
                respawn: 'true'
                respawn_delay: 1.5
                respawn_max_retries: 3
                on_exit: shutdown
                sigterm_timeout: '2'
                sigkill_timeout: 0.5
                env: [{name: EXTRA, value: '1'}]
            - unset_env: {name: PAI_MODE}
            - node: {pkg: physical_ai_ros, exec: talker, respawn: 'false'}
            """);
        LaunchPlan plan = folder.Plan(file);
        NodeLaunch arm = plan.Nodes[0], talker = plan.Nodes[1];
        Assert.Multiple(() =>
        {
            Assert.That(arm.Label, Is.EqualTo("arm-1"));
            Assert.That(arm.Output, Is.EqualTo(OutputMode.Screen));
            Assert.That((arm.Respawn, arm.RespawnDelay, arm.RespawnMaxRetries, arm.ShutdownOnExit), Is.EqualTo((true, TimeSpan.FromSeconds(1.5), 3, true)));
            Assert.That((arm.SigtermTimeout, arm.SigkillTimeout), Is.EqualTo((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(0.5))));
            Assert.That(arm.Environment["PAI_MODE"], Is.EqualTo("sim"));
            Assert.That(arm.Environment["EXTRA"], Is.EqualTo("1"));
            Assert.That(talker.Environment.ContainsKey("PAI_MODE"), Is.False);
            Assert.That(talker.Environment.ContainsKey("EXTRA"), Is.False);
            Assert.That((talker.Respawn, talker.RespawnMaxRetries, talker.ShutdownOnExit), Is.EqualTo((false, -1, false)));
        });
    }

    [TestCase("output: terminal", "output is 'terminal'; use screen, log or both")]
    [TestCase("respawn_delay: -1", "respawn_delay is '-1'; give seconds, a number of 0 or more")]
    [TestCase("on_exit: restart", "on_exit is 'restart'; the only action supported")]
    [TestCase("respawn: sometimes", "'respawn' is 'sometimes', which evaluates to 'sometimes'; it must be true, false, 1 or 0")]
    [TestCase("name: my-node", "node name 'my-node' is not valid")]
    [TestCase("namespace: 'bad ns'", "namespace '/bad ns' is not valid")]
    public void BadNodeValues_AreErrorsAtTheirLine(string attribute, string message)
    {
        using var folder = new LaunchFolder();
        string file = folder.Write("b.launch.yaml", $"launch:\n- node:\n    pkg: physical_ai_ros\n    exec: talker\n    {attribute}\n");
        Assert.That(Assert.Throws<LaunchFileException>(() => folder.Plan(file))!.Message, Does.StartWith($"{file}:5: {message}"));
    }

    [Test]
    public void MissingExecutable_Package_ParamsFile_OrInclude_AreErrors()
    {
        using var folder = new LaunchFolder();
        string file = folder.Write("m.launch.yaml", "launch:\n- node: {pkg: physical_ai_ros, exec: talkr}\n");
        string package = folder.Write("p.launch.yaml", "launch:\n- node: {pkg: demo_nodes_cpp, exec: talker}\n");
        string parameters = folder.Write("f.launch.yaml", "launch:\n- node:\n    pkg: physical_ai_ros\n    exec: talker\n    param: [{from: /nonexistent/p.yaml}]\n");
        string include = folder.Write("i.launch.yaml", "launch:\n- include: {file: $(dirname)/nothing.launch.yaml}\n");
        string python = folder.Write("py.launch.yaml", "launch:\n- include: {file: $(dirname)/robot.launch.py}\n");
        string cycle = folder.Write("cycle.launch.yaml", "launch:\n- include: {file: $(dirname)/cycle.launch.yaml}\n");
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<LaunchFileException>(() => folder.Plan(file))!.Message,
                Is.EqualTo($"{file}:2: physical_ai_ros has no executable 'talkr' (executables: {string.Join(", ", PhysicalAI.Nodes.NodeExecutables.All.Select(e => e.Name))})"));
            Assert.That(Assert.Throws<LaunchFileException>(() => folder.Plan(package))!.Message,
                Does.StartWith($"{package}:2: package 'demo_nodes_cpp' is not found: AMENT_PREFIX_PATH is "));
            Assert.That(Assert.Throws<LaunchFileException>(() => folder.Plan(parameters))!.Message,
                Is.EqualTo($"{parameters}:5: params file '/nonexistent/p.yaml' does not exist"));
            Assert.That(Assert.Throws<LaunchFileException>(() => folder.Plan(include))!.Message,
                Is.EqualTo($"{include}:2: cannot read launch file '{folder.Root}/nothing.launch.yaml': no such file"));
            Assert.That(Assert.Throws<LaunchFileException>(() => folder.Plan(python))!.Message,
                Does.StartWith($"{python}:2: '{folder.Root}/robot.launch.py' is not a YAML launch file"));
            Assert.That(Assert.Throws<LaunchFileException>(() => folder.Plan(cycle))!.Message,
                Does.Contain("includes itself"));
        });
    }

    [Test]
    public void OtherPackagesExecutables_RunFromTheirInstall()
    {
        using var folder = new LaunchFolder();
        string prefix = folder.InstallPackage("demo_nodes_cpp");
        string executable = folder.Write("install/lib/demo_nodes_cpp/talker", "#!/bin/sh\n");
        string file = folder.Write("o.launch.yaml", "launch:\n- node: {pkg: demo_nodes_cpp, exec: talker, launch-prefix: $(var prefix)}\n- let: {name: prefix, value: ''}\n");
        var unset = Assert.Throws<LaunchFileException>(() => folder.Plan(file))!;
        Assert.That(unset.Message, Does.Contain("$(var prefix)"));

        folder.Write("o.launch.yaml", "launch:\n- let: {name: prefix, value: 'xterm -e'}\n- node: {pkg: demo_nodes_cpp, exec: talker, launch-prefix: $(var prefix)}\n");
        Assert.That(folder.Plan(file).Nodes.Single().Program, Is.EqualTo(new[] { "xterm", "-e", executable }));
        _ = prefix;
    }
}
