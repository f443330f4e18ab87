using PhysicalAI.Cli.Launch;

namespace PhysicalAI.Cli.Tests.Launch;

/// <summary>Launch files that pai launch cannot run as written fail with the file, the line and what to change.</summary>
public class LaunchYamlReaderTests
{
    private static string ErrorOf(string text)
    {
        var e = Assert.Throws<LaunchFileException>(() => LaunchYamlReader.Parse(text, "bad.launch.yaml"))!;
        return e.Message;
    }

    [Test]
    public void Actions_AreReadWithTheirLines()
    {
        LaunchDescription description = LaunchYamlReader.Parse(
            "# comment\nlaunch:\n- arg: {name: a, default: '1'}\n- group:\n    children:\n    - node: {pkg: physical_ai_ros, exec: talker}\n- set_env: {name: X, value: y}\n",
            "ok.launch.yaml");
        Assert.That(description.Actions.Select(a => (a.GetType().Name, a.Location.Line)), Is.EqualTo(new[]
        {
            (nameof(DeclareArgumentAction), 3L), (nameof(GroupAction), 4L), (nameof(SetEnvironmentAction), 7L),
        }));
        Assert.That(((GroupAction)description.Actions[1]).Actions.Single().Location, Is.EqualTo(new SourceLocation("ok.launch.yaml", 6)));
    }

    [TestCase("launch:\n- node:\n    pkg: physical_ai_ros\n    exec: talker\n    emulate_tty: true\n",
        "bad.launch.yaml:5: 'node' has attribute 'emulate_tty', which pai launch does not support (supported: pkg, exec, name,")]
    [TestCase("launch:\n- arg: {name: a}\n- executable: {cmd: ls}\n",
        "bad.launch.yaml:3: 'executable' is not supported by pai launch (supported: arg, let, node, include, group, push-ros-namespace")]
    [TestCase("nodes:\n- node: {pkg: physical_ai_ros, exec: talker}\n",
        "bad.launch.yaml:1: a YAML launch file has one top-level key, 'launch:'")]
    [TestCase("<launch>\n  <node pkg=\"x\" exec=\"y\"/>\n</launch>\n",
        "bad.launch.yaml:1: a YAML launch file has one top-level key, 'launch:'")]
    [TestCase("launch:\n- node: {pkg: physical_ai_ros, exec: talker\n- arg: {name: a}\n",
        "bad.launch.yaml:1: not valid YAML: a '[' or '{' is not closed")]
    [TestCase("launch:\n- node: {pkg: physical_ai_ros, exec: talker}\n  - arg: x\n",
        "bad.launch.yaml:3: not valid YAML")]
    [TestCase("launch:\n  node: {pkg: physical_ai_ros, exec: talker}\n",
        "bad.launch.yaml:2: 'launch:' must hold a list of actions")]
    [TestCase("launch:\n- node: {pkg: physical_ai_ros}\n",
        "bad.launch.yaml:2: 'node' needs the attribute 'exec'")]
    [TestCase("launch:\n- node:\n    exec: talker\n",
        "bad.launch.yaml:2: 'node' needs 'pkg'")]
    [TestCase("launch:\n- node:\n    pkg: physical_ai_ros\n    exec: talker\n    param:\n    - {name: a, value: 1, from: x.yaml}\n",
        "bad.launch.yaml:6: 'param' has attribute 'name', which pai launch does not support (supported: from)")]
    [TestCase("launch:\n- node:\n    pkg: physical_ai_ros\n    exec: talker\n    param:\n    - {name: a}\n",
        "bad.launch.yaml:6: param 'a' needs either 'value' or nested 'param' items")]
    [TestCase("launch:\n- node:\n    pkg: physical_ai_ros\n    exec: talker\n    remap: chatter\n",
        "bad.launch.yaml:5: attribute 'remap' of 'node' must be a list of mappings")]
    [TestCase("launch:\n- node:\n    pkg: physical_ai_ros\n    exec: [talker]\n",
        "bad.launch.yaml:4: attribute 'exec' of 'node' must be a single value")]
    [TestCase("launch:\n- node:\n    pkg: physical_ai_ros\n    exec: talker\n    name: $(anon talker)\n",
        "bad.launch.yaml:5: substitution '$(anon ...)' is not supported by pai launch")]
    [TestCase("launch:\n- group:\n    scoped: true\n",
        "bad.launch.yaml:2: 'group' needs its actions under 'children:'")]
    [TestCase("launch:\n- arg: {name: mode, default: fast, choice: [{value: slow}, {value: safe}]}\n",
        "bad.launch.yaml:2: the default of argument 'mode' is 'fast', which is not one of its choices (slow, safe)")]
    [TestCase("launch:\n- arg: {name: a, default: '1', if: 'true', unless: 'false'}\n",
        "bad.launch.yaml:2: 'arg' has both 'if' and 'unless'")]
    [TestCase("launch:\n- node\n",
        "bad.launch.yaml:2: each action is a mapping with one key, its type")]
    public void Unsupported_OrMalformed_IsAnErrorAtItsLine(string text, string message) =>
        Assert.That(ErrorOf(text), Does.StartWith(message));

    [Test]
    public void MissingFile_NamesIt()
    {
        var e = Assert.Throws<LaunchFileException>(() => LaunchYamlReader.Load("/nonexistent/x.launch.yaml"))!;
        Assert.That(e.Message, Is.EqualTo("/nonexistent/x.launch.yaml:0: cannot read launch file '/nonexistent/x.launch.yaml': no such file"));
    }
}
