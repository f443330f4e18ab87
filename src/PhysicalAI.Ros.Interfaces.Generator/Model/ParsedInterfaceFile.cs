namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>What one .msg or .srv file parsed into: a message, a service, or neither, plus its diagnostics.</summary>
internal sealed record ParsedInterfaceFile(MessageSpec? Message, ServiceSpec? Service, EquatableArray<DiagnosticInfo> Diagnostics);
