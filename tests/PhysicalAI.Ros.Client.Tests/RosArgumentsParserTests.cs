using PhysicalAI.Ros.Client.Arguments;
using PhysicalAI.Ros.Client.Logging;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Ros.Client.Tests;

public class RosArgumentsParserTests
{
    [Test]
    public void Sections_SeparateRosAndProgramArguments()
    {
        RosArguments a = RosArgumentsParser.Parse(["--verbose", "--ros-args", "-r", "chatter:=talk", "--", "file.txt", "--ros-args", "--log-level", "debug"]);
        Assert.Multiple(() =>
        {
            Assert.That(a.ProgramArguments, Is.EqualTo(new[] { "--verbose", "file.txt" }));
            Assert.That(a.Remaps.Single().From, Is.EqualTo("chatter"));
            Assert.That(a.Remaps.Single().To, Is.EqualTo("talk"));
            Assert.That(a.LogLevel, Is.EqualTo(RosLogLevel.Debug));
        });
    }

    [Test]
    public void RemapForms_AreRecognised()
    {
        RosArguments a = RosArgumentsParser.Parse(["--ros-args", "-r", "talker:chatter:=x", "--remap", "__ns:=/robot/", "-r", "__node:=arm", "-r", "rostopic://a:=b", "-r", "my_node:__name:=other"]);
        Assert.Multiple(() =>
        {
            Assert.That(a.Remaps[0], Is.EqualTo(new RemapRule("talker", RemapKind.TopicOrService, "chatter", "x", "talker:chatter:=x")));
            Assert.That(a.Remaps[1].Kind, Is.EqualTo(RemapKind.Namespace));
            Assert.That(a.Remaps[1].To, Is.EqualTo("/robot"), "a trailing slash is accepted");
            Assert.That(a.Remaps[2].Kind, Is.EqualTo(RemapKind.NodeName));
            Assert.That(a.Remaps[3].Kind, Is.EqualTo(RemapKind.Topic));
            Assert.That(a.Remaps[4].NodeName, Is.EqualTo("my_node"));
        });
    }

    [TestCase("-r", "chatter", "Couldn't parse remap rule: '-r chatter'")]
    [TestCase("-r", "a:=b*", "Wildcard '*' is not implemented")]
    [TestCase("-r", "__ns:=relative", "Namespace not remapped to a fully qualified name")]
    [TestCase("-r", "__node:=9lives", "Node name not remapped to invalid name")]
    [TestCase("-p", "speed", "Couldn't parse parameter override rule: '-p speed'")]
    [TestCase("-p", "x:=[1, 2.5]", "array elements must all have one type")]
    [TestCase("--log-level", "verbose", "Couldn't parse log level: '--log-level verbose'")]
    [TestCase("--log-level", ":=debug", "name is empty")]
    [TestCase("--params-file", "/nonexistent/params.yaml", "the file does not exist")]
    public void Malformed_IsRejectedWithRclWording(string flag, string value, string expected)
    {
        var e = Assert.Throws<RosArgumentsException>(() => RosArgumentsParser.Parse(["--ros-args", flag, value]))!;
        Assert.That(e.Message, Does.Contain(expected));
    }

    [TestCase("-r", "No remap rule found.")]
    [TestCase("-p", "No parameter override rule found.")]
    [TestCase("--params-file", "No file path provided.")]
    [TestCase("--log-level", "No log level provided.")]
    public void TrailingFlag_WithoutValue_IsRejected(string flag, string expected)
    {
        var e = Assert.Throws<RosArgumentsException>(() => RosArgumentsParser.Parse(["--ros-args", flag]))!;
        Assert.That(e.Message, Does.Contain(expected));
    }

    [Test]
    public void UnknownRosArguments_AreListed()
    {
        var e = Assert.Throws<RosArgumentsException>(() => RosArgumentsParser.Parse(["--ros-args", "--bogus", "x:=y"]))!;
        Assert.That(e.Message, Does.Contain("found unknown ROS arguments: '--bogus', 'x:=y'"));
    }

    [Test]
    public void Parameters_KeepCommandLineOrderAndYamlTyping()
    {
        string file = Path.GetTempFileName();
        try
        {
            RosArguments a = RosArgumentsParser.Parse(["--ros-args", "-p", "rate:=30", "--params-file", file, "-p", "arm:name:='42'", "-p", "gains:=[1.0, 2.5]"]);
            Assert.Multiple(() =>
            {
                Assert.That(a.Parameters[0].Value, Is.EqualTo(ParameterValue.Of(30L)));
                Assert.That(a.Parameters[1].ParamsFile, Is.EqualTo(Path.GetFullPath(file)));
                Assert.That(a.Parameters[2].NodeName, Is.EqualTo("arm"));
                Assert.That(a.Parameters[2].Value, Is.EqualTo(ParameterValue.Of("42")));
                Assert.That(a.Parameters[3].Value, Is.EqualTo(ParameterValue.Of(new[] { 1.0, 2.5 })));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void PerLoggerLevels_AndFlags_AreRecorded()
    {
        RosArguments a = RosArgumentsParser.Parse(["--ros-args", "--log-level", "talker:=DEBUG", "--log-level", "warn", "--disable-rosout-logs", "-e", "/secure", "--log-file-name", "run1"]);
        Assert.Multiple(() =>
        {
            Assert.That(a.LoggerLevels["talker"], Is.EqualTo(RosLogLevel.Debug));
            Assert.That(a.LogLevel, Is.EqualTo(RosLogLevel.Warn));
            Assert.That(a.RosoutLogs, Is.False);
            Assert.That(a.Enclave, Is.EqualTo("/secure"));
            Assert.That(a.LogFileName, Is.EqualTo("run1"));
        });
    }

    [Test]
    public void RemapOutsideRosArgs_IsHonouredWithADeprecationWarning()
    {
        RosArguments a = RosArgumentsParser.Parse(["__ns:=/legacy", "input.txt"]);
        Assert.Multiple(() =>
        {
            Assert.That(a.Remaps.Single().To, Is.EqualTo("/legacy"));
            Assert.That(a.ProgramArguments, Is.EqualTo(new[] { "input.txt" }));
            Assert.That(a.Warnings.Single(), Does.Contain("This syntax is deprecated"));
        });
    }
}
