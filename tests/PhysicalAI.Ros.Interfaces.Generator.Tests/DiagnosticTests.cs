using Microsoft.CodeAnalysis;

namespace PhysicalAI.Ros.Interfaces.Generator.Tests;

/// <summary>One test per diagnostic: a malformed interface file is reported with its id, file and line.</summary>
public class DiagnosticTests
{
    private const string TimeMsg = "int32 sec\nuint32 nanosec\n";

    private static Diagnostic Single(string id, params (string Path, string Text)[] files)
    {
        GeneratorRunResult result = GeneratorHarness.Run(files);
        Diagnostic[] matching = [.. result.Diagnostics.Where(d => d.Id == id)];
        Assert.That(matching, Has.Length.EqualTo(1), string.Join("\n", result.Diagnostics));
        return matching[0];
    }

    private static void AssertAt(Diagnostic d, string path, int line)
    {
        FileLinePositionSpan span = d.Location.GetLineSpan();
        Assert.Multiple(() =>
        {
            Assert.That(span.Path, Is.EqualTo(path));
            Assert.That(span.StartLinePosition.Line + 1, Is.EqualTo(line));
        });
    }

    [Test]
    public void RIG001_FileOutsidePackageLayout()
    {
        Diagnostic d = Single("RIG001", ("pkg/Foo.msg", "int32 a"));
        Assert.That(d.GetMessage(), Does.Contain("pkg/Foo.msg"));
    }

    [Test]
    public void RIG001_MsgInSrvFolder()
    {
        Diagnostic d = Single("RIG001", ("my_pkg/srv/Foo.msg", "int32 a"));
        Assert.That(d.GetMessage(), Does.Contain("msg/"));
    }

    [Test]
    public void RIG002_LineWithoutName()
    {
        Diagnostic d = Single("RIG002", ("my_pkg/msg/Foo.msg", "# comment\nint32 a\nfloat64\n"));
        AssertAt(d, "my_pkg/msg/Foo.msg", 3);
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
    }

    [Test]
    public void RIG003_StringBoundOnNonString()
    {
        Diagnostic d = Single("RIG003", ("my_pkg/msg/Foo.msg", "int32<=5 a\n"));
        AssertAt(d, "my_pkg/msg/Foo.msg", 1);
        Assert.That(d.GetMessage(), Does.Contain("int32<=5"));
    }

    [Test]
    public void RIG003_ZeroSizedArray()
    {
        Single("RIG003", ("my_pkg/msg/Foo.msg", "int32[0] a\n"));
    }

    [Test]
    public void RIG004_FieldNameNotSnakeCase()
    {
        Diagnostic d = Single("RIG004", ("my_pkg/msg/Foo.msg", "int32 a\nint32 BadName\n"));
        AssertAt(d, "my_pkg/msg/Foo.msg", 2);
    }

    [Test]
    public void RIG004_ConstantNameNotUpperCase()
    {
        Single("RIG004", ("my_pkg/msg/Foo.msg", "int32 lower=1\n"));
    }

    [Test]
    public void RIG005_ConstantOutOfRange()
    {
        Diagnostic d = Single("RIG005", ("my_pkg/msg/Foo.msg", "uint8 BIG=256\n"));
        Assert.That(d.GetMessage(), Does.Contain("out of range"));
    }

    [Test]
    public void RIG005_FixedArrayDefaultWithWrongCount()
    {
        Single("RIG005", ("my_pkg/msg/Foo.msg", "float64[3] v [1.0, 2.0]\n"));
    }

    [Test]
    public void RIG006_DuplicateField()
    {
        Diagnostic d = Single("RIG006", ("my_pkg/msg/Foo.msg", "int32 a\nfloat64 a\n"));
        AssertAt(d, "my_pkg/msg/Foo.msg", 2);
    }

    [Test]
    public void RIG007_UnresolvedReference()
    {
        Diagnostic d = Single("RIG007", ("my_pkg/msg/Foo.msg", "int32 a\nother_pkg/Missing thing\n"));
        AssertAt(d, "my_pkg/msg/Foo.msg", 2);
        Assert.That(d.GetMessage(), Does.Contain("other_pkg/msg/Missing").And.Contain("other_pkg/msg/Missing.msg"));
    }

    [Test]
    public void RIG008_ServiceWithoutSeparator()
    {
        Single("RIG008", ("my_pkg/srv/Do.srv", "int32 a\n"));
    }

    [Test]
    public void RIG009_RecursiveType()
    {
        Diagnostic d = Single("RIG009", ("my_pkg/msg/Node.msg", "int32 value\nNode[] children\n"));
        AssertAt(d, "my_pkg/msg/Node.msg", 2);
    }

    [Test]
    public void RIG010_FieldCollidesWithGeneratedMember()
    {
        Diagnostic d = Single("RIG010", ("my_pkg/msg/Foo.msg", "string type_hash\n"));
        Assert.That(d.GetMessage(), Does.Contain("TypeHash"));
    }

    [Test]
    public void RIG011_TypeDefinedTwice()
    {
        Single("RIG011", ("a/my_pkg/msg/Foo.msg", "int32 a\n"), ("b/my_pkg/msg/Foo.msg", "int32 b\n"));
    }

    [Test]
    public void RIG012_ServiceHashNeedsServiceEventInfo()
    {
        Diagnostic d = Single("RIG012", ("my_pkg/srv/Do.srv", "int32 a\n---\nint32 b\n"));
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
    }

    [Test]
    public void ValidFiles_ProduceNoDiagnostics()
    {
        GeneratorRunResult result = GeneratorHarness.Run(
            ("builtin_interfaces/msg/Time.msg", TimeMsg),
            ("my_pkg/msg/Foo.msg", "# A message.\nbuiltin_interfaces/Time stamp  # when\nstring<=8 label \"a#b\"\nint8 MIN=-128\n"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics, Is.Empty);
            Assert.That(result.GeneratedSources.Select(s => s.HintName), Does.Contain("my_pkg.msg.Foo.g.cs"));
        });
    }

    [Test]
    public void OneBadFile_DoesNotStopTheOthers()
    {
        GeneratorRunResult result = GeneratorHarness.Run(
            ("my_pkg/msg/Good.msg", "int32 a\n"),
            ("my_pkg/msg/Bad.msg", "int32\n"));
        Assert.Multiple(() =>
        {
            Assert.That(result.GeneratedSources.Select(s => s.HintName), Does.Contain("my_pkg.msg.Good.g.cs"));
            Assert.That(result.GeneratedSources.Select(s => s.HintName), Does.Not.Contain("my_pkg.msg.Bad.g.cs"), "a half-parsed type is never emitted");
        });
    }

    [Test]
    public void UserOfABadFile_IsSkippedWithoutASecondError()
    {
        GeneratorRunResult result = GeneratorHarness.Run(
            ("my_pkg/msg/Bad.msg", "int32\n"),
            ("my_pkg/msg/User.msg", "Bad inner\n"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "RIG002" }));
            Assert.That(result.GeneratedSources.Select(s => s.HintName), Does.Not.Contain("my_pkg.msg.User.g.cs"));
        });
    }
}
