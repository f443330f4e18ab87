using PhysicalAI.Cli.Yaml;
using PhysicalAI.Ros.Interfaces.BuiltinInterfaces.Msg;
using PhysicalAI.Ros.Interfaces.SensorMsgs.Msg;
using PhysicalAI.Ros.Interfaces.StdMsgs.Msg;
using PhysicalAI.Ros.Interfaces.TrajectoryMsgs.Msg;
using RosString = PhysicalAI.Ros.Interfaces.StdMsgs.Msg.String;

namespace PhysicalAI.Cli.Tests;

/// <summary>Messages to and from YAML the way ros2 topic echo and ros2 topic pub write and read them.</summary>
public class MessageYamlTests
{
    private static readonly MessageYamlWriter Writer = new();

    [Test]
    public void JointState_PrintsAsRos2TopicEcho()
    {
        var state = new JointState
        {
            Header = new Header { Stamp = new Time { Sec = 7, Nanosec = 500 }, FrameId = "base" },
            Name = ["j1", "j2"],
            Position = [0.5, -1.25],
            Velocity = [0.0, 2.0],
            Effort = [],
        };
        Assert.That(Writer.Write(state, JointState.Descriptor), Is.EqualTo(
            "header:\n  stamp:\n    sec: 7\n    nanosec: 500\n  frame_id: base\nname:\n- j1\n- j2\nposition:\n- 0.5\n- -1.25\nvelocity:\n- 0.0\n- 2.0\neffort: []\n"));
    }

    [Test]
    public void ListOfMessages_IndentsLikePyYaml()
    {
        var trajectory = new JointTrajectory
        {
            JointNames = ["a"],
            Points = [new JointTrajectoryPoint { Positions = [1.0], TimeFromStart = new Duration { Sec = 1 } }],
        };
        Assert.That(Writer.Write(trajectory, JointTrajectory.Descriptor), Is.EqualTo(
            "header:\n  stamp:\n    sec: 0\n    nanosec: 0\n  frame_id: ''\njoint_names:\n- a\npoints:\n- positions:\n  - 1.0\n  velocities: []\n  accelerations: []\n  effort: []\n  time_from_start:\n    sec: 1\n    nanosec: 0\n"));
    }

    [TestCase("hello", "hello")]
    [TestCase("", "''")]
    [TestCase("true", "'true'")]
    [TestCase("123", "'123'")]
    [TestCase("Hello World: 6", "'Hello World: 6'")]
    [TestCase("it's", "it's")]
    [TestCase("#tag", "'#tag'")]
    [TestCase("a\nb", "\"a\\nb\"")]
    public void Strings_AreQuotedAsPyYamlQuotesThem(string value, string expected) =>
        Assert.That(Writer.Write(new RosString { Data = value }, RosString.Descriptor), Is.EqualTo($"data: {expected}\n"));

    [Test]
    public void LongArrays_AreTruncatedUnlessFullLength()
    {
        var image = new Image { Data = new byte[200] };
        string truncated = new MessageYamlWriter(3).Write(image, Image.Descriptor);
        string full = new MessageYamlWriter(null).Write(image, Image.Descriptor);
        Assert.Multiple(() =>
        {
            Assert.That(truncated, Does.Contain("data:\n- 0\n- 0\n- 0\n- '...'\n"));
            Assert.That(full.Split('\n').Count(l => l == "- 0"), Is.EqualTo(200));
        });
    }

    [Test]
    public void Empty_PrintsAsEmptyMapping() => Assert.That(Writer.Write(new Empty(), Empty.Descriptor), Is.EqualTo("{}\n"));

    [Test]
    public void Read_FillsNestedFieldsAndKeepsDefaults()
    {
        var state = (JointState)MessageYamlReader.Read("{header: {frame_id: base}, name: [a, b], position: [1, 2.5]}", JointState.Descriptor);
        Assert.Multiple(() =>
        {
            Assert.That(state.Header.FrameId, Is.EqualTo("base"));
            Assert.That(state.Name, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(state.Position, Is.EqualTo(new[] { 1.0, 2.5 }), "integers are accepted for float fields");
            Assert.That(state.Velocity, Is.Empty);
        });
    }

    [Test]
    public void Read_RoundTripsWhatEchoPrints()
    {
        var original = new JointTrajectory
        {
            JointNames = ["a", "b"],
            Points = [new JointTrajectoryPoint { Positions = [1.0, 2.0], TimeFromStart = new Duration { Nanosec = 5 } }],
        };
        string yaml = new MessageYamlWriter(null).Write(original, JointTrajectory.Descriptor);
        Assert.That(MessageYamlReader.Read(yaml, JointTrajectory.Descriptor), Is.EqualTo(original));
    }

    [TestCase("{dat: x}", "has no field 'dat'")]
    [TestCase("{header: {stamp: {sec: abc}}}", "field 'header.stamp.sec': 'abc' is not an integer")]
    [TestCase("{header: {stamp: {nanosec: -1}}}", "field 'header.stamp.nanosec': -1 is out of range")]
    [TestCase("{name: a}", "field 'name': expected a list")]
    [TestCase("{header: [1]}", "a std_msgs/msg/Header is a mapping")]
    public void Read_ErrorsNameTheField(string yaml, string expected)
    {
        var e = Assert.Throws<FormatException>(() => MessageYamlReader.Read(yaml, JointState.Descriptor))!;
        Assert.That(e.Message, Does.Contain(expected));
    }

    [Test]
    public void Read_FixedArraysNeedTheirLength()
    {
        var e = Assert.Throws<FormatException>(() => MessageYamlReader.Read("{k: [1, 2]}", CameraInfo.Descriptor))!;
        Assert.That(e.Message, Does.Contain("field 'k': needs exactly 9 elements"));
    }

    [Test]
    public void Repr_IsRclpyStyle()
    {
        Assert.That(MessageRepr.Format(new RosString { Data = "hi" }, RosString.Descriptor), Is.EqualTo("std_msgs.msg.String(data='hi')"));
    }
}
