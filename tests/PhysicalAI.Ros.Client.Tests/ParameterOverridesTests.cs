using PhysicalAI.Ros.Client.Arguments;
using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Ros.Client.Tests;

/// <summary>
/// Initial values from params files and <c>-p</c>, merged as rcl merges them into one rcl_params_t (one entry per
/// node name or pattern, in order of first appearance, later values overwriting earlier ones) and matched as
/// rclcpp's parameter_map_from matches them (<c>/*</c> is one name token, <c>/**</c> any number).
/// </summary>
public class ParameterOverridesTests
{
    [TestCase("/**", "/talker", true)]
    [TestCase("/**", "/robot/arm/talker", true)]
    [TestCase("/*", "/talker", true)]
    [TestCase("/*", "/robot/talker", false)]
    [TestCase("/robot/*", "/robot/talker", true)]
    [TestCase("/robot/*", "/talker", false)]
    [TestCase("/robot/*", "/robot/arm/talker", false)]
    [TestCase("/robot/*", "/other/talker", false)]
    [TestCase("/robot/**", "/robot/talker", true)]
    [TestCase("/robot/**", "/robot/arm/talker", true)]
    [TestCase("/robot/**", "/other/talker", false)]
    [TestCase("/robot/**/talker", "/robot/talker", true)]
    [TestCase("/robot/**/talker", "/robot/arm/talker", true)]
    [TestCase("/robot/**/talker", "/robot/arm/left/talker", true)]
    [TestCase("/robot/**/talker", "/robot/arm/listener", false)]
    [TestCase("/robot/**/talker", "/other/talker", false)]
    [TestCase("/**/talker", "/talker", true)]
    [TestCase("/**/talker", "/robot/talker", true)]
    [TestCase("/*/talker", "/robot/talker", true)]
    [TestCase("/*/talker", "/talker", false)]
    [TestCase("/talker", "/talker", true)]
    [TestCase("/talker", "/robot/talker", false)]
    [TestCase("/talker", "/talker2", false)]
    [TestCase("/robot/talker", "/robot/talker", true)]
    [TestCase("/robot/talker", "/talker", false)]
    public void Matches(string pattern, string node, bool expected) =>
        Assert.That(ParameterOverrides.Matches(pattern, node), Is.EqualTo(expected));

    [Test]
    public void None_HasNothing() => Assert.That(ParameterOverrides.None.ForNode("/talker"), Is.Empty);

    [Test]
    public void ForNode_TakesEveryMatchingEntry_AndOnlyThose()
    {
        var overrides = new ParameterOverrides();
        overrides.Add("/**", "a", ParameterValue.Of(1L), "s1");
        overrides.Add("/talker", "b", ParameterValue.Of(2L), "s2");
        overrides.Add("/listener", "c", ParameterValue.Of(3L), "s3");
        overrides.Add("/robot/*", "d", ParameterValue.Of(4L), "s4");
        IReadOnlyDictionary<string, (ParameterValue Value, string Source)> talker = overrides.ForNode("/talker");
        IReadOnlyDictionary<string, (ParameterValue Value, string Source)> robotTalker = overrides.ForNode("/robot/talker");
        Assert.Multiple(() =>
        {
            Assert.That(talker.Keys.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(talker["a"], Is.EqualTo((ParameterValue.Of(1L), "s1")));
            Assert.That(talker["b"], Is.EqualTo((ParameterValue.Of(2L), "s2")));
            Assert.That(robotTalker.Keys.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "a", "d" }), "/talker is not /robot/talker");
        });
    }

    [Test]
    public void ForNode_LaterValueOfTheSameEntryWins()
    {
        var overrides = new ParameterOverrides();
        overrides.Add("/**", "rate", ParameterValue.Of(1L), "first");
        overrides.Add("/**", "rate", ParameterValue.Of(2L), "second");
        Assert.That(overrides.ForNode("/talker")["rate"], Is.EqualTo((ParameterValue.Of(2L), "second")));
    }

    [Test]
    public void ForNode_NodeEntryAfterAWildcard_Wins()
    {
        var overrides = new ParameterOverrides();
        overrides.Add("/**", "rate", ParameterValue.Of(1L), "wildcard");
        overrides.Add("/talker", "rate", ParameterValue.Of(2L), "talker");
        Assert.Multiple(() =>
        {
            Assert.That(overrides.ForNode("/talker")["rate"].Source, Is.EqualTo("talker"));
            Assert.That(overrides.ForNode("/listener")["rate"].Source, Is.EqualTo("wildcard"));
        });
    }

    [Test]
    public void ForNode_WildcardAfterANodeEntry_Wins()
    {
        var overrides = new ParameterOverrides();
        overrides.Add("/talker", "rate", ParameterValue.Of(2L), "talker");
        overrides.Add("/**", "rate", ParameterValue.Of(1L), "wildcard");
        Assert.That(overrides.ForNode("/talker")["rate"], Is.EqualTo((ParameterValue.Of(1L), "wildcard")));
    }

    /// <summary>
    /// rcl's find_node reuses a node entry that already exists, so an entry keeps the place where its name or
    /// pattern first appeared; a later value for <c>/**</c> does not move <c>/**</c> after <c>/talker</c>.
    /// </summary>
    [Test]
    public void ForNode_AnEntryKeepsThePlaceOfItsFirstAppearance()
    {
        var overrides = new ParameterOverrides();
        overrides.Add("/**", "rate", ParameterValue.Of(1L), "wildcard, first");
        overrides.Add("/talker", "rate", ParameterValue.Of(2L), "talker");
        overrides.Add("/**", "rate", ParameterValue.Of(3L), "wildcard, again");
        Assert.Multiple(() =>
        {
            Assert.That(overrides.ForNode("/talker")["rate"], Is.EqualTo((ParameterValue.Of(2L), "talker")));
            Assert.That(overrides.ForNode("/listener")["rate"], Is.EqualTo((ParameterValue.Of(3L), "wildcard, again")));
        });
    }

    // ---- from the command line ------------------------------------------------------------------------

    private static string WriteTemp(string text)
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void From_CombinesParamsFilesAndDashP_InCommandLineOrder()
    {
        string path = WriteTemp("""
            /**:
              ros__parameters:
                rate: 10
                mode: file
            /robot/*:
              ros__parameters:
                gain: 0.5
            """);
        try
        {
            RosArguments arguments = RosArgumentsParser.Parse(
                ["--ros-args", "-p", "rate:=5", "-p", "level:=1", "--params-file", path, "-p", "mode:=cli", "-p", "talker:gain:=2.5", "-p", "x:=3"]);
            var overrides = ParameterOverrides.From(arguments);
            IReadOnlyDictionary<string, (ParameterValue Value, string Source)> talker = overrides.ForNode("/talker");
            IReadOnlyDictionary<string, (ParameterValue Value, string Source)> robotArm = overrides.ForNode("/robot/arm");
            string full = Path.GetFullPath(path);
            Assert.Multiple(() =>
            {
                Assert.That(talker.Keys.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "gain", "level", "mode", "rate", "x" }));
                Assert.That(talker["rate"], Is.EqualTo((ParameterValue.Of(10L), $"{full}:3")), "the file comes after -p rate:=5");
                Assert.That(talker["level"], Is.EqualTo((ParameterValue.Of(1L), "-p level")));
                Assert.That(talker["mode"], Is.EqualTo((ParameterValue.Of("cli"), "-p mode")), "-p mode:=cli comes after the file");
                Assert.That(talker["gain"], Is.EqualTo((ParameterValue.Of(2.5), "-p gain")), "-p talker:gain is for /talker");
                Assert.That(talker["x"], Is.EqualTo((ParameterValue.Of(3L), "-p x")));
                Assert.That(robotArm.Keys.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "gain", "level", "mode", "rate", "x" }));
                Assert.That(robotArm["gain"], Is.EqualTo((ParameterValue.Of(0.5), $"{full}:7")), "/robot/* matches /robot/arm; talker:gain does not");
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void From_DashPAfterANodeEntryOfAFile_Wins()
    {
        string path = WriteTemp("/talker:\n  ros__parameters:\n    rate: 7\n");
        try
        {
            var overrides = ParameterOverrides.From(RosArgumentsParser.Parse(["--ros-args", "--params-file", path, "-p", "rate:=3"]));
            Assert.That(overrides.ForNode("/talker")["rate"], Is.EqualTo((ParameterValue.Of(3L), "-p rate")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void From_DashPForAWildcardSeenBeforeTheFile_KeepsItsEarlierPlace()
    {
        string path = WriteTemp("/talker:\n  ros__parameters:\n    rate: 7\n");
        try
        {
            var overrides = ParameterOverrides.From(RosArgumentsParser.Parse(["--ros-args", "-p", "rate:=1", "--params-file", path, "-p", "rate:=3"]));
            Assert.Multiple(() =>
            {
                Assert.That(overrides.ForNode("/talker")["rate"].Value, Is.EqualTo(ParameterValue.Of(7L)), "rcl: /** is first in the merged list, /talker after it");
                Assert.That(overrides.ForNode("/listener")["rate"].Value, Is.EqualTo(ParameterValue.Of(3L)));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void From_TwoParamsFiles_TheLaterWins()
    {
        string first = WriteTemp("/**:\n  ros__parameters:\n    rate: 1\n    only_first: true\n");
        string second = WriteTemp("/**:\n  ros__parameters:\n    rate: 2\n");
        try
        {
            IReadOnlyDictionary<string, (ParameterValue Value, string Source)> talker =
                ParameterOverrides.From(RosArgumentsParser.Parse(["--ros-args", "--params-file", first, "--params-file", second])).ForNode("/talker");
            Assert.Multiple(() =>
            {
                Assert.That(talker["rate"], Is.EqualTo((ParameterValue.Of(2L), $"{Path.GetFullPath(second)}:3")));
                Assert.That(talker["only_first"].Value, Is.EqualTo(ParameterValue.Of(true)));
            });
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Test]
    public void From_MalformedParamsFile_NamesIt()
    {
        string path = WriteTemp("/**:\n  ros__parameters:\n    ids: [1, x]\n");
        try
        {
            RosArguments arguments = RosArgumentsParser.Parse(["--ros-args", "--params-file", path]);
            var e = Assert.Throws<ParamsFileException>(() => ParameterOverrides.From(arguments))!;
            Assert.That(e.Message, Does.StartWith($"{Path.GetFullPath(path)}:3: parameter 'ids': "));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void From_Overrides_FeedTheStore()
    {
        string path = WriteTemp("/talker:\n  ros__parameters:\n    rate: fast\n");
        try
        {
            var overrides = ParameterOverrides.From(RosArgumentsParser.Parse(["--ros-args", "--params-file", path]));
            var store = new ParameterStore("/talker", overrides.ForNode("/talker"), allowUndeclared: false);
            var e = Assert.Throws<InvalidParameterTypeException>(() => store.Declare("rate", ParameterValue.Of(30.0)))!;
            Assert.That(e.Message, Is.EqualTo($"parameter 'rate' of node '/talker': {Path.GetFullPath(path)}:3 gives string (fast) but the parameter is declared as double"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
