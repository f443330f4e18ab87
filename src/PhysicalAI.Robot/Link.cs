namespace PhysicalAI.Robot;

/// <summary>A URDF link: a named frame with what to draw for it.</summary>
/// <param name="Name">Link name.</param>
/// <param name="Visuals">Its visuals (possibly none).</param>
public sealed record Link(string Name, IReadOnlyList<Visual> Visuals);
