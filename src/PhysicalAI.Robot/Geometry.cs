namespace PhysicalAI.Robot;

/// <summary>The shape of a link's visual (URDF <c>&lt;geometry&gt;</c>), in metres, centred on the visual's origin.</summary>
public abstract record Geometry;

/// <summary>A box with full side lengths <paramref name="Size"/>.</summary>
public sealed record BoxGeometry(Vector3d Size) : Geometry;

/// <summary>A cylinder along the local z axis.</summary>
public sealed record CylinderGeometry(double Radius, double Length) : Geometry;

/// <summary>A sphere.</summary>
public sealed record SphereGeometry(double Radius) : Geometry;
