namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>How many elements a field holds: one, a fixed array <c>T[N]</c>, or a sequence <c>T[&lt;=N]</c> / <c>T[]</c>.</summary>
internal enum ArrayKind
{
    None,
    Fixed,
    BoundedSequence,
    UnboundedSequence,
}
