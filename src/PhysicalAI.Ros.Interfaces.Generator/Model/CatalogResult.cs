namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>Everything resolved from the whole set of interface files: what to emit and what to report.</summary>
internal sealed record CatalogResult(EquatableArray<GenerationModel> Models, EquatableArray<DiagnosticInfo> Diagnostics);
