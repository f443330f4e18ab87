using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Ros.Client.Tests;

/// <summary>What <c>pai param dump</c> writes reads back, through the params-file parser, as the same values.</summary>
public class ParamsFileFormatTests
{
    private static readonly Parameter[] EveryKind =
    [
        new("enabled", ParameterValue.Of(true)),
        new("count", ParameterValue.Of(-42L)),
        new("whole_double", ParameterValue.Of(3.0)),
        new("tiny", ParameterValue.Of(5e-324)),
        new("limits.max_velocity", ParameterValue.Of(1.5)),
        new("limits.joint.elbow", ParameterValue.Of(0.1 + 0.2)),
        new("limits.zzz", ParameterValue.Of(double.PositiveInfinity)),
        new("text.plain", ParameterValue.Of("base_link")),
        new("text.looks_numeric", ParameterValue.Of("42")),
        new("text.looks_bool", ParameterValue.Of("on")),
        new("text.spaces_and_quotes", ParameterValue.Of("it's a 'test'")),
        new("text.multi_line", ParameterValue.Of("line one\nline \"two\"\t\\")),
        new("text.empty", ParameterValue.Of(string.Empty)),
        new("text.unicode", ParameterValue.Of("gr\u00fc\u00dfe \u2713")),
        new("flags", ParameterValue.Of(new[] { true, false })),
        new("ids", ParameterValue.Of(new[] { long.MinValue, 0L, long.MaxValue })),
        new("gains", ParameterValue.Of(new[] { -0.5, 2.0, 1e300 })),
        new("names", ParameterValue.Of(new[] { "a b", "true", "", "- dash" })),
    ];

    [Test]
    public void EveryKindOfValue_ReadsBackExactly()
    {
        string yaml = ParamsFile.Format("/arm/controller", EveryKind);
        IReadOnlyList<ParamsFile.Entry> read = ParamsFile.Parse(yaml, "dump.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(read.Select(e => e.NodePattern).Distinct(), Is.EqualTo(new[] { "/arm/controller" }));
            Assert.That(read.ToDictionary(e => e.Name, e => e.Value), Is.EquivalentTo(EveryKind.ToDictionary(p => p.Name, p => p.Value)), yaml);
        });
    }

    [Test]
    public void DottedNames_BecomeNestedMappings()
    {
        string yaml = ParamsFile.Format("/n", [new("a.b.c", ParameterValue.Of(1L)), new("a.b.d", ParameterValue.Of(2L)), new("a.e", ParameterValue.Of(3L)), new("z", ParameterValue.Of(4L))]);
        Assert.That(yaml, Is.EqualTo("/n:\n  ros__parameters:\n    a:\n      b:\n        c: 1\n        d: 2\n      e: 3\n    z: 4\n"));
    }

    [Test]
    public void EmptyArraysAndByteArrays_AreTheFormatsLimits()
    {
        string yaml = ParamsFile.Format("/n", [new("empty", ParameterValue.Of(Array.Empty<double>())), new("raw", ParameterValue.Of(new byte[] { 1, 255 }))]);
        IReadOnlyList<ParamsFile.Entry> read = ParamsFile.Parse(yaml, "dump.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(yaml, Does.Contain("# empty: []  (empty double array; a params file cannot hold an empty array)"));
            Assert.That(read.Select(e => e.Name), Is.EqualTo(new[] { "raw" }), "the empty array is a comment, not a value");
            Assert.That(read[0].Value, Is.EqualTo(ParameterValue.Of(new[] { 1L, 255L })), "bytes come back as integers: YAML has no byte type rcl reads");
        });
    }

    [Test]
    public void DeclareByType_TakesTheCommandLineValue_OrSaysHowToGiveOne()
    {
        var overrides = new Dictionary<string, (ParameterValue, string)>
        {
            ["joint_limits.max"] = (ParameterValue.Of(new[] { 1.0, 2.0 }), "limits.yaml:3"),
            ["rate"] = (ParameterValue.Of("fast"), "-p rate"),
        };
        var store = new ParameterStore("/safety", overrides, allowUndeclared: false);
        Assert.Multiple(() =>
        {
            Assert.That(store.Declare("joint_limits.max", ParameterType.DoubleArray), Is.EqualTo(ParameterValue.Of(new[] { 1.0, 2.0 })));
            var missing = Assert.Throws<InvalidParameterValueException>(() => store.Declare("joint_limits.min", ParameterType.DoubleArray))!;
            Assert.That(missing.Message, Is.EqualTo("parameter 'joint_limits.min' of node '/safety' has no default and no value was given: set it in a params file or with -p joint_limits.min:=VALUE (double array)"));
            var wrong = Assert.Throws<InvalidParameterTypeException>(() => store.Declare("rate", ParameterType.Double))!;
            Assert.That(wrong.Message, Does.Contain("-p rate gives string (fast)").And.Contain("declared as double"));
        });
    }
}
