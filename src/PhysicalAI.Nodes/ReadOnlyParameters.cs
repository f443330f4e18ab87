using PhysicalAI.Ros.Client.Parameters;

namespace PhysicalAI.Nodes;

/// <summary>Descriptors of the start-up parameters the nodes read once: described, read-only, ranged where a range makes sense.</summary>
internal static class ReadOnlyParameters
{
    public static ParameterDescriptor Described(string text) => new() { Description = text, ReadOnly = true };

    public static ParameterDescriptor Ranged(string text, double from, double to) =>
        new() { Description = text, ReadOnly = true, FloatingPointRange = new FloatingPointRange(from, to) };

    public static ParameterDescriptor RangedInteger(string text, long from, long to) =>
        new() { Description = text, ReadOnly = true, IntegerRange = new IntegerRange(from, to) };
}
