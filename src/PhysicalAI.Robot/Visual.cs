namespace PhysicalAI.Robot;

/// <summary>
/// Something to draw for a link: a shape at an origin in the link frame, in a colour. A mesh the model
/// cannot read is kept as its bounding shape (with a warning from the parser).
/// </summary>
/// <param name="Origin">The shape's frame in the link frame.</param>
/// <param name="Geometry">The shape.</param>
/// <param name="Color">Its colour.</param>
/// <param name="MaterialName">The URDF material name, when given.</param>
public sealed record Visual(Transform3d Origin, Geometry Geometry, Rgba Color, string? MaterialName = null);
