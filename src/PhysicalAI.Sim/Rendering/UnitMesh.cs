using System.Numerics;

namespace PhysicalAI.Sim.Rendering;

/// <summary>
/// A triangle mesh of a primitive at unit size, built once and scaled per shape: a box of extents 1, a cylinder of
/// radius 1 and length 1 along z, a sphere of radius 1, all centred on the origin. Every triangle (a, b, c) is wound
/// so that (b - a) x (c - a) points out of the solid, which is what back-face culling relies on.
/// </summary>
internal sealed class UnitMesh
{
    /// <summary>Segments around a cylinder: 24 keeps the silhouette within 1% of a circle.</summary>
    public const int CylinderSegments = 24;

    /// <summary>Segments around a sphere's axis.</summary>
    public const int SphereSlices = 16;

    /// <summary>Bands from pole to pole of a sphere.</summary>
    public const int SphereStacks = 12;

    private UnitMesh(Vector3[] vertices, int[] triangles)
    {
        Vertices = vertices;
        Triangles = triangles;
        float radius = 0;
        foreach (Vector3 v in vertices)
        {
            radius = MathF.Max(radius, v.Length());
        }

        BoundingRadius = radius;
    }

    /// <summary>The unit box, extents 1 x 1 x 1.</summary>
    public static UnitMesh Box { get; } = BuildBox();

    /// <summary>The unit cylinder, radius 1 and length 1 along z.</summary>
    public static UnitMesh Cylinder { get; } = BuildCylinder(CylinderSegments);

    /// <summary>The unit sphere, radius 1.</summary>
    public static UnitMesh Sphere { get; } = BuildSphere(SphereSlices, SphereStacks);

    /// <summary>The largest mesh's vertex count, which sizes the renderer's per-shape scratch buffers.</summary>
    public static int MaxVertexCount => Math.Max(Box.Vertices.Length, Math.Max(Cylinder.Vertices.Length, Sphere.Vertices.Length));

    /// <summary>Vertex positions at unit size.</summary>
    public Vector3[] Vertices { get; }

    /// <summary>Vertex indices, three per triangle.</summary>
    public int[] Triangles { get; }

    /// <summary>Radius of the smallest origin-centred sphere holding every vertex.</summary>
    public float BoundingRadius { get; }

    /// <summary>The unit mesh of a kind of shape.</summary>
    public static UnitMesh For(ShapeKind kind) => kind switch
    {
        ShapeKind.Box => Box,
        ShapeKind.Cylinder => Cylinder,
        ShapeKind.Sphere => Sphere,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a shape the renderer knows"),
    };

    private static UnitMesh BuildBox()
    {
        var vertices = new Vector3[8];
        for (int i = 0; i < 8; i++)
        {
            vertices[i] = new Vector3((i & 1) == 0 ? -0.5f : 0.5f, (i & 2) == 0 ? -0.5f : 0.5f, (i & 4) == 0 ? -0.5f : 0.5f);
        }

        // Each face as a quad of corner indices walking its edge; OutwardWound fixes the direction.
        int[][] faces =
        [
            [0, 2, 6, 4], [1, 3, 7, 5], // -x, +x
            [0, 1, 5, 4], [2, 3, 7, 6], // -y, +y
            [0, 1, 3, 2], [4, 5, 7, 6], // -z, +z
        ];
        var triangles = new List<int>(36);
        foreach (int[] q in faces)
        {
            triangles.AddRange([q[0], q[1], q[2], q[0], q[2], q[3]]);
        }

        return OutwardWound(vertices, triangles);
    }

    private static UnitMesh BuildCylinder(int segments)
    {
        var vertices = new Vector3[(2 * segments) + 2];
        for (int i = 0; i < segments; i++)
        {
            float angle = 2 * MathF.PI * i / segments;
            var rim = new Vector2(MathF.Cos(angle), MathF.Sin(angle));
            vertices[i] = new Vector3(rim, -0.5f);
            vertices[segments + i] = new Vector3(rim, 0.5f);
        }

        int bottomCentre = 2 * segments;
        int topCentre = bottomCentre + 1;
        vertices[bottomCentre] = new Vector3(0, 0, -0.5f);
        vertices[topCentre] = new Vector3(0, 0, 0.5f);

        var triangles = new List<int>(segments * 12);
        for (int i = 0; i < segments; i++)
        {
            int next = (i + 1) % segments;
            triangles.AddRange([i, next, segments + next, i, segments + next, segments + i]);
            triangles.AddRange([bottomCentre, i, next]);
            triangles.AddRange([topCentre, segments + i, segments + next]);
        }

        return OutwardWound(vertices, triangles);
    }

    private static UnitMesh BuildSphere(int slices, int stacks)
    {
        // Poles first, then rings of `slices` vertices from the north pole down.
        var vertices = new Vector3[2 + (slices * (stacks - 1))];
        vertices[0] = Vector3.UnitZ;
        vertices[1] = -Vector3.UnitZ;
        for (int ring = 1; ring < stacks; ring++)
        {
            float polar = MathF.PI * ring / stacks;
            for (int i = 0; i < slices; i++)
            {
                float azimuth = 2 * MathF.PI * i / slices;
                vertices[Ring(ring, i)] = new Vector3(MathF.Sin(polar) * MathF.Cos(azimuth), MathF.Sin(polar) * MathF.Sin(azimuth), MathF.Cos(polar));
            }
        }

        var triangles = new List<int>(slices * stacks * 6);
        for (int i = 0; i < slices; i++)
        {
            int next = (i + 1) % slices;
            triangles.AddRange([0, Ring(1, i), Ring(1, next)]);
            triangles.AddRange([1, Ring(stacks - 1, i), Ring(stacks - 1, next)]);
            for (int ring = 1; ring < stacks - 1; ring++)
            {
                triangles.AddRange([Ring(ring, i), Ring(ring + 1, i), Ring(ring + 1, next), Ring(ring, i), Ring(ring + 1, next), Ring(ring, next)]);
            }
        }

        return OutwardWound(vertices, triangles);

        int Ring(int ring, int i) => 2 + ((ring - 1) * slices) + i;
    }

    /// <summary>
    /// Every unit mesh is convex and centred on the origin, so a triangle faces outward exactly when its normal
    /// points away from the origin; winding by that test is simpler to get right than by hand.
    /// </summary>
    private static UnitMesh OutwardWound(Vector3[] vertices, List<int> triangles)
    {
        int[] wound = [.. triangles];
        for (int t = 0; t < wound.Length; t += 3)
        {
            Vector3 a = vertices[wound[t]], b = vertices[wound[t + 1]], c = vertices[wound[t + 2]];
            if (Vector3.Dot(Vector3.Cross(b - a, c - a), a + b + c) < 0)
            {
                (wound[t + 1], wound[t + 2]) = (wound[t + 2], wound[t + 1]);
            }
        }

        return new UnitMesh(vertices, wound);
    }
}
