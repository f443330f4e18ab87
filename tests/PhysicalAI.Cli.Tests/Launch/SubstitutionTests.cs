using PhysicalAI.Cli.Launch;

namespace PhysicalAI.Cli.Tests.Launch;

/// <summary>Substitutions as launch's frontends write them: parsed when the file is read, evaluated when the action runs.</summary>
public class SubstitutionTests
{
    private static readonly SourceLocation At = new("test.launch.yaml", 7);

    private static string Evaluate(string text, LaunchContext context) => context.Evaluate(SubstitutionText.Parse(text, At));

    [Test]
    public void Parse_SplitsLiteralsAndNestedSubstitutions()
    {
        SubstitutionText text = SubstitutionText.Parse("a/$(env HOME $(var home))/b", At);
        Assert.That(text.Parts, Has.Count.EqualTo(3));
        Assert.Multiple(() =>
        {
            Assert.That(text.Parts[0], Is.EqualTo(new LiteralPart("a/")));
            var call = (SubstitutionCall)text.Parts[1];
            Assert.That(call.Name, Is.EqualTo("env"));
            Assert.That(call.Arguments.Select(a => a.Source), Is.EqualTo(new[] { "HOME", "$(var home)" }));
            Assert.That(text.Parts[2], Is.EqualTo(new LiteralPart("/b")));
            Assert.That(SubstitutionText.Parse("no substitution $ here", At).IsLiteral, Is.True);
        });
    }

    [TestCase("$(eval 1 + 2)", "test.launch.yaml:7: substitution '$(eval ...)' is not supported by pai launch")]
    [TestCase("$(var a b)", "test.launch.yaml:7: '$(var a b)' has 2 argument(s); $(var) takes 1")]
    [TestCase("$(env)", "test.launch.yaml:7: '$(env)' has 0 argument(s); $(env) takes 1 or 2")]
    [TestCase("x $(var name", "test.launch.yaml:7: '$(var name' has no closing ')'")]
    [TestCase("$( var x)", "test.launch.yaml:7: '$(' at column 1 of '$( var x)' is not followed by a substitution name")]
    [TestCase("$(env 'HOME)", "test.launch.yaml:7: a quote (') in '$(env 'HOME)' is not closed")]
    public void Parse_MalformedOrUnsupported_IsAnErrorWithTheLine(string text, string message)
    {
        var e = Assert.Throws<LaunchFileException>(() => SubstitutionText.Parse(text, At))!;
        Assert.That(e.Message, Does.StartWith(message));
    }

    [Test]
    public void Evaluate_VarEnvOptenvDirname()
    {
        using var folder = new LaunchFolder();
        LaunchContext context = folder.Context(new Dictionary<string, string> { ["ROBOT_HOME"] = "/opt/robot" });
        context.SetConfiguration("robot", "so101");
        context.SetConfiguration("with space", "yes");
        context.CurrentFile = Path.Combine(folder.Root, "launch", "x.launch.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(Evaluate("$(var robot).urdf", context), Is.EqualTo("so101.urdf"));
            Assert.That(Evaluate("$(var 'with space')", context), Is.EqualTo("yes"));
            Assert.That(Evaluate("$(env ROBOT_HOME)/x", context), Is.EqualTo("/opt/robot/x"));
            Assert.That(Evaluate("$(env NOT_SET_ANYWHERE fallback)", context), Is.EqualTo("fallback"));
            Assert.That(Evaluate("$(env NOT_SET_ANYWHERE $(var robot))", context), Is.EqualTo("so101"));
            Assert.That(Evaluate("[$(optenv NOT_SET_ANYWHERE)]", context), Is.EqualTo("[]"));
            Assert.That(Evaluate("$(dirname)", context), Is.EqualTo(Path.Combine(folder.Root, "launch")));
        });
    }

    [Test]
    public void Evaluate_UnsetVarOrEnv_NamesItAndHowToSetIt()
    {
        using var folder = new LaunchFolder();
        LaunchContext context = folder.Context();
        var unsetVar = Assert.Throws<LaunchFileException>(() => Evaluate("$(var robot)", context))!;
        var unsetEnv = Assert.Throws<LaunchFileException>(() => Evaluate("$(env ROBOT_HOME)", context))!;
        Assert.Multiple(() =>
        {
            Assert.That(unsetVar.Message, Does.StartWith("test.launch.yaml:7: $(var robot): launch argument 'robot' is not set").And.Contain("pass robot:=VALUE"));
            Assert.That(unsetEnv.Message, Does.StartWith("test.launch.yaml:7: $(env ROBOT_HOME): environment variable 'ROBOT_HOME' is not set"));
        });
    }

    [Test]
    public void FindPkgShare_UsesTheAmentIndex_AndFindsThisSuiteInItsCheckout()
    {
        using var folder = new LaunchFolder();
        string prefix = folder.InstallPackage("my_robot_description");
        LaunchContext context = folder.Context(sourceTree: "/checkout");
        Assert.Multiple(() =>
        {
            Assert.That(Evaluate("$(find-pkg-share my_robot_description)/urdf", context), Is.EqualTo(Path.Combine(prefix, "share", "my_robot_description") + "/urdf"));
            Assert.That(Evaluate("$(find-pkg-prefix my_robot_description)", context), Is.EqualTo(prefix));
            Assert.That(Evaluate("$(find-pkg-share physical_ai_ros)", context), Is.EqualTo("/checkout"), "not installed: the checkout");
            var missing = Assert.Throws<LaunchFileException>(() => Evaluate("$(find-pkg-share nav2_bringup)", context))!;
            Assert.That(missing.Message, Does.Contain("package 'nav2_bringup' is not found: AMENT_PREFIX_PATH is " + prefix));
        });

        folder.InstallPackage(PackageIndex.OwnPackage);
        Assert.That(Evaluate("$(find-pkg-share physical_ai_ros)", context), Is.EqualTo(Path.Combine(prefix, "share", "physical_ai_ros")), "installed: the install wins");
    }

    [Test]
    public void FindPkgShare_OfThisSuite_IsTheRepositoryRootWhenRunFromTheCheckout()
    {
        string? share = PackageIndex.FromProcess().FindShare(PackageIndex.OwnPackage);
        Assert.That(share, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(share!, "PhysicalAI.Ros.sln")), Is.True, share);
            Assert.That(Directory.Exists(Path.Combine(share!, "launch")), Is.True);
            Assert.That(Directory.Exists(Path.Combine(share!, "config")), Is.True);
            Assert.That(Directory.Exists(Path.Combine(share!, "urdf")), Is.True);
        });
    }

    [TestCase("--number 1 'two words' x\"y z\"", new[] { "--number", "1", "two words", "xy z" })]
    [TestCase("  a   b  ", new[] { "a", "b" })]
    [TestCase("", new string[0])]
    public void CommandLineWords_SplitLikeAShell(string text, string[] words)
    {
        using var folder = new LaunchFolder();
        Assert.That(CommandLineWords.Split(SubstitutionText.Parse(text, At), folder.Context()), Is.EqualTo(words));
    }

    [Test]
    public void CommandLineWords_NeverSplitASubstitutionsValue()
    {
        using var folder = new LaunchFolder();
        LaunchContext context = folder.Context();
        context.SetConfiguration("terminal", "xterm -e");
        context.SetConfiguration("level", "debug");
        Assert.Multiple(() =>
        {
            Assert.That(CommandLineWords.Split(SubstitutionText.Parse("$(var terminal) --log-level $(var level)", At), context),
                Is.EqualTo(new[] { "xterm -e", "--log-level", "debug" }));
            Assert.That(CommandLineWords.Split(SubstitutionText.Parse("--log-level=$(var level)x", At), context), Is.EqualTo(new[] { "--log-level=debugx" }));
        });
    }
}
