using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>
/// A diagnostic held by value (descriptor id, file, line span, message arguments), so the pipeline can
/// cache it; it becomes a Roslyn <see cref="Diagnostic"/> only when reported.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string FilePath, int Line, int StartColumn, int EndColumn, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, int line, int startColumn, int endColumn, params string[] arguments) =>
        new(descriptor.Id, filePath, line, startColumn, endColumn, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(Id);
        var span = new LinePositionSpan(new LinePosition(Line, StartColumn), new LinePosition(Line, EndColumn));
        Location location = Location.Create(FilePath, default, span);
        object[] args = new object[Arguments.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(descriptor, location, args);
    }
}
