using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Ros.Client.Tests;

/// <summary>
/// ROS 2 params files as rcl_yaml_param_parser reads them (rcl_yaml_param_parser/src/parse.c): node keys and
/// patterns, <c>ros__parameters</c>, nested names, value typing, and errors that name the file and line.
/// </summary>
public class ParamsFileTests
{
    private const string FileName = "params.yaml";

    private static IReadOnlyList<ParamsFile.Entry> Parse(string text) => ParamsFile.Parse(text, FileName);

    private static ParamsFileException Rejected(string text) => Assert.Throws<ParamsFileException>(() => ParamsFile.Parse(text, FileName))!;

    private static ParameterValue ValueOf(string yamlValue) =>
        Parse("/**:\n  ros__parameters:\n    x: " + yamlValue + "\n").Single().Value;

    // ---- value types --------------------------------------------------------------------------------

    [Test]
    public void EveryValueType_IsTypedAsRclTypesIt()
    {
        const string text = """
            /talker:
              ros__parameters:
                enabled: true
                count: 42
                mask: 0x1F
                rate: 30.5
                name: "cam0"
                plain: hello
                quoted_number: '7'
                flags: [true, off, Yes]
                ids: [1, -2, 3]
                gains: [0.5, 1.5e1, .inf]
                frames: [map, 'odom', "42"]
            """;
        IReadOnlyList<ParamsFile.Entry> entries = Parse(text);
        ParamsFile.Entry[] expected =
        [
            new("/talker", "enabled", ParameterValue.Of(true), "params.yaml:3"),
            new("/talker", "count", ParameterValue.Of(42L), "params.yaml:4"),
            new("/talker", "mask", ParameterValue.Of(31L), "params.yaml:5"),
            new("/talker", "rate", ParameterValue.Of(30.5), "params.yaml:6"),
            new("/talker", "name", ParameterValue.Of("cam0"), "params.yaml:7"),
            new("/talker", "plain", ParameterValue.Of("hello"), "params.yaml:8"),
            new("/talker", "quoted_number", ParameterValue.Of("7"), "params.yaml:9"),
            new("/talker", "flags", ParameterValue.Of(new[] { true, false, true }), "params.yaml:10"),
            new("/talker", "ids", ParameterValue.Of(new long[] { 1, -2, 3 }), "params.yaml:11"),
            new("/talker", "gains", ParameterValue.Of(new[] { 0.5, 15.0, double.PositiveInfinity }), "params.yaml:12"),
            new("/talker", "frames", ParameterValue.Of(new[] { "map", "odom", "42" }), "params.yaml:13"),
        ];
        Assert.Multiple(() =>
        {
            Assert.That(entries, Is.EqualTo(expected));
            Assert.That(entries.Select(e => e.Value.Type), Is.EqualTo(new[]
            {
                ParameterType.Bool, ParameterType.Integer, ParameterType.Integer, ParameterType.Double, ParameterType.String,
                ParameterType.String, ParameterType.String, ParameterType.BoolArray, ParameterType.IntegerArray,
                ParameterType.DoubleArray, ParameterType.StringArray,
            }));
        });
    }

    [Test]
    public void ExplicitStringTag_AndEmptyQuotedString_AreStrings()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ValueOf("!!str 12"), Is.EqualTo(ParameterValue.Of("12")));
            Assert.That(ValueOf("!!str true"), Is.EqualTo(ParameterValue.Of("true")));
            Assert.That(ValueOf("''"), Is.EqualTo(ParameterValue.Of(string.Empty)));
            Assert.That(ValueOf("\"\""), Is.EqualTo(ParameterValue.Of(string.Empty)));
        });
    }

    /// <summary>
    /// rcl_yaml_param_parser never produces a byte array (rcl_variant_t has a byte_array_value, but get_value
    /// only yields bool, int64, double and string, and sequences of those). A list of small numbers is an
    /// integer array, and a <c>!!binary</c> scalar is just a string.
    /// </summary>
    [Test]
    public void ByteArrays_CannotBeWrittenInAParamsFile()
    {
        ParameterValue bytes = ValueOf("[1, 2, 255]");
        ParameterValue binary = ValueOf("!!binary AQID");
        Assert.Multiple(() =>
        {
            Assert.That(bytes.Type, Is.EqualTo(ParameterType.IntegerArray));
            Assert.That(bytes, Is.EqualTo(ParameterValue.Of(new long[] { 1, 2, 255 })));
            Assert.That(binary, Is.EqualTo(ParameterValue.Of("AQID")));
        });
    }

    /// <summary>
    /// rcl only treats single- and double-quoted scalars (and !!str) as strings; a literal or folded block
    /// scalar is typed like a plain one, so <c>|-</c> followed by <c>42</c> is the integer 42.
    /// </summary>
    [Test]
    public void BlockScalars_AreTypedLikePlainScalars_AsRclDoes()
    {
        ParameterValue literal = Parse("/**:\n  ros__parameters:\n    x: |-\n      42\n").Single().Value;
        ParameterValue folded = Parse("/**:\n  ros__parameters:\n    x: >-\n      true\n").Single().Value;
        Assert.Multiple(() =>
        {
            Assert.That(literal.Type, Is.EqualTo(ParameterType.Integer));
            Assert.That(literal, Is.EqualTo(ParameterValue.Of(42L)));
            Assert.That(folded.Type, Is.EqualTo(ParameterType.Bool));
            Assert.That(folded, Is.EqualTo(ParameterValue.Of(true)));
        });
    }

    // ---- names ---------------------------------------------------------------------------------------

    [Test]
    public void NestedMappings_GiveDottedNames()
    {
        const string text = """
            /**:
              ros__parameters:
                limits:
                  max_velocity: 1.5
                  arm:
                    joint_1: 2
                gains: {kp: 1.0, ki: 0.1}
                top: x
            """;
        Assert.That(Parse(text), Is.EqualTo(new ParamsFile.Entry[]
        {
            new("/**", "limits.max_velocity", ParameterValue.Of(1.5), "params.yaml:4"),
            new("/**", "limits.arm.joint_1", ParameterValue.Of(2L), "params.yaml:6"),
            new("/**", "gains.kp", ParameterValue.Of(1.0), "params.yaml:7"),
            new("/**", "gains.ki", ParameterValue.Of(0.1), "params.yaml:7"),
            new("/**", "top", ParameterValue.Of("x"), "params.yaml:8"),
        }));
    }

    [Test]
    public void NodeKeys_AndPatterns_BecomeAbsolutePatterns_InFileOrder()
    {
        const string text = """
            /**:
              ros__parameters:
                a: 1
            talker:
              ros__parameters:
                b: 2
            /robot/talker:
              ros__parameters:
                c: 3
            /robot/*:
              ros__parameters:
                d: 4
            /*:
              ros__parameters:
                e: 5
            /robot/**/camera:
              ros__parameters:
                f: 6
            """;
        IReadOnlyList<ParamsFile.Entry> entries = Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => (e.NodePattern, e.Name)), Is.EqualTo(new[]
            {
                ("/**", "a"), ("/talker", "b"), ("/robot/talker", "c"), ("/robot/*", "d"), ("/*", "e"), ("/robot/**/camera", "f"),
            }));
            Assert.That(entries.Select(e => e.Source), Is.EqualTo(new[]
            {
                "params.yaml:3", "params.yaml:6", "params.yaml:9", "params.yaml:12", "params.yaml:15", "params.yaml:18",
            }));
        });
    }

    [Test]
    public void EmptyRosParameters_GiveNoEntries()
    {
        Assert.That(Parse("talker:\n  ros__parameters:\n/**:\n  ros__parameters:\n    x: 1\n").Select(e => e.Name), Is.EqualTo(new[] { "x" }));
    }

    /// <summary>
    /// rcl's parse_key keeps adding keys to the node namespace until it reaches ros__parameters, so
    /// <c>robot: {talker: {ros__parameters: ...}}</c> is the node <c>/robot/talker</c>.
    /// </summary>
    [Test]
    public void NestedNodeKeys_FormTheNamespace_AsRclReadsThem()
    {
        const string text = """
            robot:
              talker:
                ros__parameters:
                  rate: 10
              listener:
                ros__parameters:
                  rate: 20
            """;
        Assert.That(Parse(text).Select(e => (e.NodePattern, e.Name, e.Value)), Is.EqualTo(new[]
        {
            ("/robot/talker", "rate", ParameterValue.Of(10L)),
            ("/robot/listener", "rate", ParameterValue.Of(20L)),
        }));
    }

    // ---- empty input ----------------------------------------------------------------------------------

    [TestCase("")]
    [TestCase("\n\n")]
    [TestCase("# only a comment\n")]
    [TestCase("---\n")]
    public void EmptyFile_HasNoParameters(string text) => Assert.That(Parse(text), Is.Empty);

    // ---- errors --------------------------------------------------------------------------------------

    [Test]
    public void MissingRosParameters_IsRejected_NamingFileLineAndKey()
    {
        ParamsFileException e = Rejected("talker:\n  rate: 3\n");
        Assert.That(e.Message, Does.StartWith("params.yaml:2: unknown key 'talker.rate'").And.Contain("ros__parameters"));
    }

    [Test]
    public void NodeWithoutAnything_IsRejected()
    {
        ParamsFileException e = Rejected("/**:\n  ros__parameters:\n    x: 1\ntalker:\n");
        Assert.That(e.Message, Does.StartWith("params.yaml:").And.Contain("expected 'ros__parameters:' under 'talker'"));
    }

    [Test]
    public void UnknownKeyNextToRosParameters_IsRejected()
    {
        ParamsFileException e = Rejected("talker:\n  ros__parameters:\n    rate: 3\n  extra: 1\n");
        Assert.That(e.Message, Does.StartWith("params.yaml:4: unknown key 'talker.extra'"));
    }

    [Test]
    public void MixedTypeArray_IsRejected()
    {
        ParamsFileException e = Rejected("/**:\n  ros__parameters:\n    gains: [1, 2.5]\n");
        Assert.That(e.Message, Does.StartWith("params.yaml:3: parameter 'gains': ").And.Contain("array elements must all have one type"));
    }

    [TestCase("[[1, 2]]", "nested arrays")]
    [TestCase("[]", "an empty array has no parameter type")]
    [TestCase("[{a: 1}]", "nested arrays or maps")]
    public void BadArrays_AreRejected(string value, string reason)
    {
        ParamsFileException e = Rejected("/**:\n  ros__parameters:\n    limits:\n      bad: " + value + "\n");
        Assert.That(e.Message, Does.StartWith("params.yaml:4: parameter 'limits.bad': ").And.Contain(reason));
    }

    /// <summary>rcl's parse_value: a plain scalar of length zero is "No value at line N".</summary>
    [Test]
    public void MissingValue_IsRejected_AsRclDoes()
    {
        ParamsFileException e = Rejected("/**:\n  ros__parameters:\n    rate:\n    name: x\n");
        Assert.That(e.Message, Does.StartWith("params.yaml:3").And.Contain("rate"));
    }

    [TestCase("/**:\n  ros__parameters:\n    name: 'unterminated\n", 3)]
    [TestCase("/**:\n  ros__parameters:\n    name: a: b\n", 3)]
    [TestCase("/**:\n  ros__parameters:\n    x: 1\n   y: 2\n", 4)]
    public void InvalidYaml_IsRejected(string text, int line)
    {
        ParamsFileException e = Rejected(text);
        Assert.That(e.Message, Does.StartWith($"params.yaml:{line}: not valid YAML: "));
    }

    /// <summary>rcl: "Will not support aliasing"; an anchor alone is harmless.</summary>
    [Test]
    public void Aliases_AreRejected()
    {
        ParamsFileException e = Rejected("/**:\n  ros__parameters:\n    a: &v 5\n    b: *v\n");
        Assert.That(e.Message, Does.StartWith("params.yaml:4: parameter 'b': "));
    }

    /// <summary>An unclosed flow sequence makes YamlDotNet's scanner throw InvalidOperationException, not YamlException.</summary>
    [Test]
    public void InvalidYaml_UnclosedFlowSequence_IsRejectedAsAParamsFileError()
    {
        ParamsFileException e = Rejected("/**:\n  ros__parameters:\n    ids: [1, 2\n    rate: 3\n");
        Assert.That(e.Message, Does.StartWith("params.yaml:"));
    }

    [TestCase("9lives")]
    [TestCase("/robot/my-node")]
    [TestCase("/ro bot/talker")]
    [TestCase("/robot/tal*")]
    public void InvalidNodeName_IsRejected(string key)
    {
        ParamsFileException e = Rejected("/**:\n  ros__parameters:\n    x: 1\n" + key + ":\n  ros__parameters:\n    x: 2\n");
        Assert.That(e.Message, Is.EqualTo($"params.yaml:4: '{key}' is not a node name or pattern (such as /ns/node, node, /**, /ns/*)"));
    }

    [TestCase("- a\n- b\n", "params.yaml:1: expected a mapping of node names", "found a list")]
    [TestCase("just text\n", "params.yaml:1: expected a mapping of node names", "found 'just text'")]
    [TestCase("talker:\n  ros__parameters: 5\n", "params.yaml:2: expected a mapping of parameter names to values", "found '5'")]
    [TestCase("talker:\n  ros__parameters:\n    [a]: 1\n", "params.yaml:3: expected a parameter name", "found a list")]
    public void WrongShape_IsRejected(string text, string start, string found)
    {
        ParamsFileException e = Rejected(text);
        Assert.That(e.Message, Does.StartWith(start).And.EndWith(found));
    }

    // ---- files ---------------------------------------------------------------------------------------

    [Test]
    public void Load_ReadsTheFile_AndNamesItInSources()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "/**:\n  ros__parameters:\n    rate: 30\n");
            Assert.That(ParamsFile.Load(path), Is.EqualTo(new[] { new ParamsFile.Entry("/**", "rate", ParameterValue.Of(30L), $"{path}:3") }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Load_MalformedFile_NamesThePath()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "/**:\n  ros__parameters:\n    gains: [1, a]\n");
            var e = Assert.Throws<ParamsFileException>(() => ParamsFile.Load(path))!;
            Assert.That(e.Message, Does.StartWith($"{path}:3: parameter 'gains': "));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Load_MissingFile_NamesThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-params-{Guid.NewGuid():N}.yaml");
        var e = Assert.Throws<ParamsFileException>(() => ParamsFile.Load(path))!;
        Assert.That(e.Message, Does.StartWith($"{path}: cannot read the params file: "));
    }
}
