using System.Numerics;

namespace PhysicalAI.Sim.Rendering;

/// <summary>One solid to draw: what it is, how large, where, and its colour under full light.</summary>
/// <param name="Kind">The primitive.</param>
/// <param name="Size">
/// Box: full extents (x, y, z). Cylinder: (radius, radius, length), axis along local z, centred.
/// Sphere: (radius, radius, radius). Metres.
/// </param>
/// <param name="Pose">
/// Local to world, in the <see cref="System.Numerics"/> row-vector convention (<c>world = local * Pose</c>),
/// so the translation is in the fourth row. Rigid transforms are expected; a mirroring pose still draws correctly.
/// </param>
/// <param name="Color">The albedo: the colour of a face lit head-on by the key light.</param>
public readonly record struct RenderShape(ShapeKind Kind, Vector3 Size, Matrix4x4 Pose, Rgb Color);
