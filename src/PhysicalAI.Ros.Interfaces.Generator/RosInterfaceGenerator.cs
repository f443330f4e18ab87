using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PhysicalAI.Ros.Interfaces.Generator.Emit;
using PhysicalAI.Ros.Interfaces.Generator.Model;
using PhysicalAI.Ros.Interfaces.Generator.Parsing;
using PhysicalAI.Ros.Interfaces.Generator.Resolution;

namespace PhysicalAI.Ros.Interfaces.Generator;

/// <summary>
/// Compiles the ROS 2 interface files of a project (<c>AdditionalFiles</c> ending in .msg or .srv, kept
/// as <c>&lt;package&gt;/msg/&lt;Name&gt;.msg</c> and <c>&lt;package&gt;/srv/&lt;Name&gt;.srv</c>) into C# types.
/// </summary>
/// <remarks>
/// Pipeline: each file is parsed on its own into an equatable model (so an unchanged file is not parsed
/// again); the models of all files are then joined to resolve cross-package references and compute type
/// hashes; each resulting type is emitted into its own file. Diagnostics travel on their own output so a
/// change that only moves a diagnostic does not regenerate code.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class RosInterfaceGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParsedInterfaceFile> parsed = context.AdditionalTextsProvider
            .Where(static file => IsInterfaceFile(file.Path))
            .Select(static (file, cancellationToken) =>
            {
                SourceText? text = file.GetText(cancellationToken);
                return InterfaceFileParser.Parse(file.Path, text?.ToString() ?? string.Empty);
            })
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValueProvider<CatalogResult> catalog = parsed
            .Collect()
            .Select(static (files, _) => InterfaceCatalog.Build(files))
            .WithTrackingName(TrackingNames.Catalog);

        IncrementalValuesProvider<GenerationModel> models = catalog
            .SelectMany(static (result, _) => result.Models.AsImmutableArray())
            .WithTrackingName(TrackingNames.Models);

        context.RegisterSourceOutput(models, static (output, model) =>
            output.AddSource(model.HintName, SourceText.From(MessageEmitter.Emit(model), Encoding.UTF8)));

        IncrementalValueProvider<EquatableArray<GenerationModel>> allModels = catalog
            .Select(static (result, _) => result.Models)
            .WithTrackingName(TrackingNames.Module);

        context.RegisterSourceOutput(allModels, static (output, all) =>
        {
            if (all.Count > 0)
            {
                output.AddSource(ModuleEmitter.HintName, SourceText.From(ModuleEmitter.Emit(all), Encoding.UTF8));
            }
        });

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = parsed
            .SelectMany(static (file, _) => file.Diagnostics.AsImmutableArray())
            .Collect()
            .Combine(catalog.Select(static (result, _) => result.Diagnostics))
            .SelectMany(static (pair, _) => pair.Left.AddRange(pair.Right.AsImmutableArray()));

        context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
    }

    private static bool IsInterfaceFile(string path) =>
        path.EndsWith(".msg", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".srv", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Step names the incremental-caching tests look up.</summary>
internal static class TrackingNames
{
    public const string Parse = nameof(Parse);
    public const string Catalog = nameof(Catalog);
    public const string Models = nameof(Models);
    public const string Module = nameof(Module);
}
