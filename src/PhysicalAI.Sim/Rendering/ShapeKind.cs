namespace PhysicalAI.Sim.Rendering;

/// <summary>The primitive solids the renderer can draw; each is a convex, closed mesh centred on its local origin.</summary>
public enum ShapeKind
{
    /// <summary>A rectangular box; its size is the full extent along local x, y and z.</summary>
    Box,

    /// <summary>A right circular cylinder with its axis along local z, centred; its size is (radius, radius, length).</summary>
    Cylinder,

    /// <summary>A sphere; its size is (radius, radius, radius).</summary>
    Sphere,
}
