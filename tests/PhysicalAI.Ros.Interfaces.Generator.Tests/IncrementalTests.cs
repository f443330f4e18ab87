using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PhysicalAI.Ros.Interfaces.Generator.Model;

namespace PhysicalAI.Ros.Interfaces.Generator.Tests;

/// <summary>
/// The pipeline caches: an unrelated edit reuses every step, editing one file re-parses only that file,
/// and the models hold no Roslyn symbols or compilations that would defeat caching.
/// </summary>
public class IncrementalTests
{
    private static readonly (string, string)[] Files =
    [
        ("builtin_interfaces/msg/Time.msg", "int32 sec\nuint32 nanosec\n"),
        ("std_msgs/msg/Header.msg", "builtin_interfaces/Time stamp\nstring frame_id\n"),
        ("my_pkg/msg/Reading.msg", "Header header\nfloat64[] values\n"),
    ];

    [Test]
    public void UnrelatedCodeChange_ReusesEveryStep()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(Files);
        CSharpCompilation compilation = GeneratorHarness.EmptyCompilation();
        driver = driver.RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", new CSharpParseOptions(LanguageVersion.Preview))));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        foreach (string step in new[] { "Parse", "Catalog", "Models" })
        {
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.That(reasons, Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.EqualTo(IncrementalStepRunReason.Unchanged), step);
        }
    }

    [Test]
    public void CommentOnlyEdit_ReparsesOneFileAndRegeneratesNothing()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(Files);
        CSharpCompilation compilation = GeneratorHarness.EmptyCompilation();
        driver = driver.RunGenerators(compilation);

        AdditionalText oldText = ParsedText(driver, "Reading.msg");
        var newText = new GeneratorHarness.InMemoryText(oldText.Path, "Header header\nfloat64[] values  \n");
        driver = driver.ReplaceAdditionalText(oldText, newText).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        var parseReasons = result.TrackedSteps["Parse"].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        var modelReasons = result.TrackedSteps["Models"].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(parseReasons.Count(r => r == IncrementalStepRunReason.Unchanged), Is.EqualTo(1), "only the edited file is parsed again, to an equal model");
            Assert.That(parseReasons.Count(r => r == IncrementalStepRunReason.Cached), Is.EqualTo(Files.Length - 1));
            Assert.That(modelReasons, Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.EqualTo(IncrementalStepRunReason.Unchanged));
        });
    }

    [Test]
    public void RealEdit_RegeneratesTheEditedType()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(Files);
        CSharpCompilation compilation = GeneratorHarness.EmptyCompilation();
        driver = driver.RunGenerators(compilation);
        AdditionalText oldText = ParsedText(driver, "Reading.msg");
        driver = driver.ReplaceAdditionalText(oldText, new GeneratorHarness.InMemoryText(oldText.Path, "Header header\nfloat32[] values\n"))
            .RunGenerators(compilation);
        var modelReasons = driver.GetRunResult().Results.Single().TrackedSteps["Models"].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.That(modelReasons, Does.Contain(IncrementalStepRunReason.Modified));
    }

    [Test]
    public void Models_HoldNoRoslynSymbolsOrCompilations()
    {
        var visited = new HashSet<Type>();
        var offending = new List<string>();
        Walk(typeof(CatalogResult), visited, offending, "CatalogResult");
        Walk(typeof(ParsedInterfaceFile), visited, offending, "ParsedInterfaceFile");
        Assert.That(offending, Is.Empty);
    }

    /// <summary>The additional text the last run parsed for the file named <paramref name="fileName"/>.</summary>
    private static AdditionalText ParsedText(GeneratorDriver driver, string fileName) =>
        driver.GetRunResult().Results.Single().TrackedSteps["Parse"]
            .SelectMany(s => s.Inputs).Select(i => i.Source.Outputs[i.OutputIndex].Value).OfType<AdditionalText>()
            .Single(t => t.Path.EndsWith(fileName, StringComparison.Ordinal));

    private static void Walk(Type type, HashSet<Type> visited, List<string> offending, string path)
    {
        if (!visited.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string))
        {
            return;
        }

        if (typeof(ISymbol).IsAssignableFrom(type) || typeof(Compilation).IsAssignableFrom(type)
            || typeof(SyntaxNode).IsAssignableFrom(type) || typeof(Location).IsAssignableFrom(type) || typeof(Diagnostic).IsAssignableFrom(type))
        {
            offending.Add(path + ": " + type.Name);
            return;
        }

        if (type.IsGenericType)
        {
            foreach (Type argument in type.GetGenericArguments())
            {
                Walk(argument, visited, offending, path + "<" + argument.Name + ">");
            }
        }

        if (type.Namespace?.StartsWith("PhysicalAI", StringComparison.Ordinal) != true || typeof(IEnumerable).IsAssignableFrom(type))
        {
            return;
        }

        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Walk(property.PropertyType, visited, offending, path + "." + property.Name);
        }
    }
}
