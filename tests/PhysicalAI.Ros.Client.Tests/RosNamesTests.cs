using PhysicalAI.Ros.Client.Arguments;
using PhysicalAI.Ros.Client.Names;

namespace PhysicalAI.Ros.Client.Tests;

public class RosNamesTests
{
    [TestCase("", "node name must not be empty", 0)]
    [TestCase("my-node", "node name must not contain characters other than alphanumerics or '_'", 2)]
    [TestCase("1node", "node name must not start with a number", 0)]
    public void NodeNames(string name, string reason, int index)
    {
        var e = Assert.Throws<NameValidationException>(() => RosNames.ValidateNodeName(name))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Reason, Is.EqualTo(reason));
            Assert.That(e.InvalidIndex, Is.EqualTo(index));
            Assert.That(e.Kind, Is.EqualTo(NameKind.Node));
        });
    }

    [TestCase("robot", "namespace must be absolute, it must lead with a '/'")]
    [TestCase("/robot/", "namespace must not end with a '/', unless only a '/'")]
    [TestCase("/robot//arm", "namespace must not contain repeated '/'")]
    [TestCase("/robot/2arm", "namespace must not have a token that starts with a number")]
    [TestCase("/ro bot", "namespace must not contain characters other than alphanumerics, '_', or '/'")]
    public void Namespaces(string ns, string reason)
    {
        var e = Assert.Throws<NameValidationException>(() => RosNames.ValidateNamespace(ns))!;
        Assert.That(e.Reason, Is.EqualTo(reason));
    }

    [TestCase("~chatter", "topic name must not have a tilde '~' that is not followed by a forward slash '/'")]
    [TestCase("a/~b", "topic name must not have tilde '~' unless it is the first character")]
    [TestCase("{node", "topic name must not have unmatched (unbalanced) curly braces '{}'")]
    [TestCase("{1x}/y", "substitution name must not start with a number")]
    [TestCase("chatter/", "topic name must not end with a forward slash")]
    [TestCase("9lives", "topic name token must not start with a number")]
    [TestCase("a-b", "topic name must not contain characters other than alphanumerics, '_', '~', '{', or '}'")]
    public void TopicNamesAsWritten(string name, string reason)
    {
        var e = Assert.Throws<NameValidationException>(() => RosNames.ValidateTopicName(name))!;
        Assert.That(e.Reason, Is.EqualTo(reason));
    }

    [TestCase("chatter", "talker", "/", "/chatter")]
    [TestCase("chatter", "talker", "/robot", "/robot/chatter")]
    [TestCase("/chatter", "talker", "/robot", "/chatter")]
    [TestCase("~", "talker", "/robot", "/robot/talker")]
    [TestCase("~/state", "talker", "/", "/talker/state")]
    [TestCase("{node}/out", "talker", "/robot", "/robot/talker/out")]
    [TestCase("{ns}/out", "talker", "/robot", "/robot/out")]
    [TestCase("/{node}", "talker", "/robot", "/talker")]
    public void Expansion(string name, string node, string ns, string expected) =>
        Assert.That(TopicNameExpander.Expand(name, node, ns), Is.EqualTo(expected));

    [Test]
    public void UnknownSubstitution_IsAnError()
    {
        var e = Assert.Throws<NameValidationException>(() => TopicNameExpander.Expand("{robot}/x", "n", "/"))!;
        Assert.That(e.Reason, Is.EqualTo("unknown substitution: {robot}"));
    }

    [Test]
    public void Message_ShowsTheNameWithACaret()
    {
        var e = Assert.Throws<NameValidationException>(() => RosNames.ValidateNodeName("my-node"))!;
        Assert.That(e.Message, Does.Contain("Invalid node name 'my-node': node name must not contain characters other than alphanumerics or '_'").And.Contain("     ^"));
    }

    [Test]
    public void Remapping_FirstMatchingRuleWins_AndMatchesExpandedNames()
    {
        RosArguments args = RosArgumentsParser.Parse(["--ros-args", "-r", "/robot/chatter:=talk", "-r", "chatter:=never", "-r", "other:chatter:=nope"]);
        var resolver = new NameResolver([], args.Remaps);
        Assert.Multiple(() =>
        {
            Assert.That(resolver.ResolveTopicName("chatter", "talker", "/robot"), Is.EqualTo("/robot/talk"));
            Assert.That(resolver.ResolveTopicName("/robot/chatter", "talker", "/robot"), Is.EqualTo("/robot/talk"));
            Assert.That(resolver.ResolveTopicName("chatter", "talker", "/"), Is.EqualTo("/never"));
        });
    }

    [Test]
    public void Remapping_LocalRulesComeFirst_AndPrivateNamesRemap()
    {
        var resolver = new NameResolver(
            RosArgumentsParser.Parse(["--ros-args", "-r", "~/state:=/arm_state"]).Remaps,
            RosArgumentsParser.Parse(["--ros-args", "-r", "~/state:=/global_state"]).Remaps);
        Assert.That(resolver.ResolveTopicName("~/state", "arm", "/"), Is.EqualTo("/arm_state"));
    }

    [Test]
    public void NodeAndNamespaceRemaps_ApplyInRclOrder()
    {
        RosArguments args = RosArgumentsParser.Parse(["--ros-args", "-r", "talker:__node:=speaker", "-r", "speaker:__ns:=/loud", "-r", "__ns:=/quiet"]);
        var resolver = new NameResolver([], args.Remaps);
        string name = resolver.ResolveNodeName("talker");
        Assert.Multiple(() =>
        {
            Assert.That(name, Is.EqualTo("speaker"));
            Assert.That(resolver.ResolveNamespace(name, "/"), Is.EqualTo("/loud"), "namespace rules match the new node name");
            Assert.That(resolver.ResolveNamespace("listener", "/"), Is.EqualTo("/quiet"));
        });
    }

    [Test]
    public void Node_TakesRemappedNameAndNamespace()
    {
        using RosContext context = TestRos.Context(TestRos.NewDomainId(), args: ["--ros-args", "-r", "__node:=renamed", "-r", "__ns:=/ns"]);
        using var node = new Node(context, "original");
        Assert.Multiple(() =>
        {
            Assert.That(node.FullyQualifiedName, Is.EqualTo("/ns/renamed"));
            Assert.That(node.LoggerName, Is.EqualTo("ns.renamed"));
        });
    }
}
