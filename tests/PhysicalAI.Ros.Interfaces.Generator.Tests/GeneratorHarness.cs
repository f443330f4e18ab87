using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PhysicalAI.Ros.Interfaces.Generator.Tests;

/// <summary>Runs the generator on in-memory interface files, the way the compiler runs it on AdditionalFiles.</summary>
internal static class GeneratorHarness
{
    public sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    public static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    public static CSharpCompilation EmptyCompilation() =>
        CSharpCompilation.Create(
            "GeneratorTest",
            [CSharpSyntaxTree.ParseText("namespace Probe { internal static class Marker { } }", new CSharpParseOptions(LanguageVersion.Preview))],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(params (string Path, string Text)[] files) =>
        CSharpGeneratorDriver.Create(
            [new RosInterfaceGenerator().AsSourceGenerator()],
            files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)),
            new CSharpParseOptions(LanguageVersion.Preview),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRunResult Run(params (string Path, string Text)[] files) =>
        CreateDriver(files).RunGenerators(EmptyCompilation()).GetRunResult().Results.Single();

    /// <summary>Runs the generator and compiles its output; returns the compiler's errors.</summary>
    public static ImmutableArray<Diagnostic> CompileGenerated(params (string Path, string Text)[] files)
    {
        CSharpCompilation compilation = EmptyCompilation();
        CreateDriver(files).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return
        [
            .. trusted.Split(Path.PathSeparator).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
        ];
    }
}
