namespace PhysicalAI.Ros.Interfaces.Description;

/// <summary>Whether a field holds one element, a fixed array, or a sequence.</summary>
public enum RosArrayKind
{
    /// <summary>A single element.</summary>
    None,

    /// <summary><c>T[N]</c>: exactly <see cref="RosFieldDescriptor.ArraySize"/> elements, no count on the wire.</summary>
    Fixed,

    /// <summary><c>T[&lt;=N]</c>: at most <see cref="RosFieldDescriptor.ArraySize"/> elements.</summary>
    BoundedSequence,

    /// <summary><c>T[]</c>: any number of elements.</summary>
    UnboundedSequence,
}
