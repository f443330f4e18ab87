using Microsoft.CodeAnalysis;
using PhysicalAI.Ros.Interfaces.Generator.Hashing;
using PhysicalAI.Ros.Interfaces.Generator.Model;
using PhysicalAI.Ros.Interfaces.Generator.Parsing;
using PhysicalAI.Ros.Interfaces.Generator.Resolution;

namespace PhysicalAI.Ros.Interfaces.Generator.Tests;

/// <summary>What the generator writes: code that compiles, matches its reviewed baseline, and hashes as rosidl does.</summary>
public class GeneratedSourceTests
{
    private const string AllKinds = """
        # Every field shape the generator supports.
        uint8 MODE_A=1
        string GREETING="hi # not a comment"
        float64 RATIO=0.5

        bool flag true
        byte raw
        char letter 65
        int8 small -8
        uint16 medium
        int64 large -9223372036854775808
        uint64 huge 18446744073709551615
        float32 ratio_f 1.5
        float64 ratio 2.5e-3
        string name "joint # one"
        string<=5 short_name
        wstring wide
        float64[3] fixed_values [1, 2, 3]
        int32[<=4] bounded_values
        uint8[] bytes
        bool[] flags
        string[] names
        string<=3[<=2] bounded_names
        builtin_interfaces/Time stamp
        builtin_interfaces/Time[2] stamps
        builtin_interfaces/Time[] history
        """;

    private static readonly (string, string)[] Files =
    [
        ("builtin_interfaces/msg/Time.msg", "int32 sec\nuint32 nanosec\n"),
        ("test_msgs/msg/AllKinds.msg", AllKinds),
        ("test_msgs/srv/Ping.srv", "string text\n---\nbool ok\n"),
    ];

    [Test]
    public void GeneratedSource_Compiles()
    {
        var errors = GeneratorHarness.CompileGenerated(Files);
        Assert.That(errors.Select(e => e.ToString()), Is.Empty);
    }

    [Test]
    public void GeneratedSource_MatchesBaseline()
    {
        GeneratorRunResult result = GeneratorHarness.Run(Files);
        string actual = result.GeneratedSources.Single(s => s.HintName == "test_msgs.msg.AllKinds.g.cs").SourceText.ToString();
        string baselinePath = Path.Combine(AppContext.BaseDirectory, "Baselines", "test_msgs.msg.AllKinds.g.cs.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1")
        {
            string source = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "Baselines", "test_msgs.msg.AllKinds.g.cs.txt");
            File.WriteAllText(source, actual);
        }

        Assert.That(actual.ReplaceLineEndings(), Is.EqualTo(File.ReadAllText(baselinePath).ReplaceLineEndings()),
            "generated code changed: review it, then run with UPDATE_BASELINES=1 to accept it");
    }

    [Test]
    public void HashedJson_ForString_IsRosidlsExactText()
    {
        ParsedInterfaceFile parsed = InterfaceFileParser.Parse("std_msgs/msg/String.msg", "string data\n");
        var hasher = new TypeDescriptionHasher(_ => null, InterfaceCatalog.ResolveNested);
        Assert.That(hasher.HashedJson(parsed.Message!), Is.EqualTo(
            "{\"type_description\": {\"type_name\": \"std_msgs/msg/String\", \"fields\": [{\"name\": \"data\", \"type\": " +
            "{\"type_id\": 17, \"capacity\": 0, \"string_capacity\": 0, \"nested_type_name\": \"\"}}]}, \"referenced_type_descriptions\": []}"));
        Assert.That(hasher.HashMessage(parsed.Message!), Is.EqualTo("RIHS01_df668c740482bbd48fb39d76a70dfd4bd59db1288021743503259e948f6b1a18"));
    }

    [Test]
    public void Parser_ReadsDefaultsConstantsAndBounds()
    {
        ParsedInterfaceFile parsed = InterfaceFileParser.Parse("test_msgs/msg/AllKinds.msg", AllKinds);
        MessageSpec m = parsed.Message!;
        FieldSpec Field(string name) => m.Fields.Single(f => f.Name == name);
        Assert.Multiple(() =>
        {
            Assert.That(parsed.Diagnostics, Is.Empty);
            Assert.That(m.Constants.Select(c => c.Name), Is.EqualTo(new[] { "MODE_A", "GREETING", "RATIO" }));
            Assert.That(m.Constants.Single(c => c.Name == "GREETING").Value, Is.EqualTo("\"hi # not a comment\""));
            Assert.That(Field("name").DefaultValue, Is.EqualTo("\"joint # one\""));
            Assert.That(Field("large").DefaultValue, Is.EqualTo("long.MinValue"));
            Assert.That(Field("huge").DefaultValue, Is.EqualTo("18446744073709551615UL"));
            Assert.That(Field("fixed_values").DefaultValue, Is.EqualTo("new double[] { 1d, 2d, 3d }"));
            Assert.That(Field("bounded_names").Type.StringBound, Is.EqualTo(3));
            Assert.That(Field("bounded_names").Type.Array, Is.EqualTo(ArrayKind.BoundedSequence));
            Assert.That(Field("bounded_names").Type.ArraySize, Is.EqualTo(2));
            Assert.That(Field("stamps").Type.NestedPackage, Is.EqualTo("builtin_interfaces"));
            Assert.That(m.Comment, Is.EqualTo("Every field shape the generator supports."));
        });
    }
}
