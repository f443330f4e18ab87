using System.Numerics;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim.Tests.Rendering;

public class UnitMeshTests
{
    [TestCase(ShapeKind.Box, 8, 12)]
    [TestCase(ShapeKind.Cylinder, (2 * UnitMesh.CylinderSegments) + 2, 4 * UnitMesh.CylinderSegments)]
    [TestCase(ShapeKind.Sphere, 2 + (UnitMesh.SphereSlices * (UnitMesh.SphereStacks - 1)), 2 * UnitMesh.SphereSlices * (UnitMesh.SphereStacks - 1))]
    public void Meshes_are_closed_and_wound_outward(ShapeKind kind, int vertices, int triangles)
    {
        UnitMesh mesh = UnitMesh.For(kind);

        Assert.That(mesh.Vertices, Has.Length.EqualTo(vertices));
        Assert.That(mesh.Triangles, Has.Length.EqualTo(3 * triangles));

        // Closed and consistently wound: every directed edge appears once, and its reverse once.
        var edges = new Dictionary<(int, int), int>();
        for (int t = 0; t < mesh.Triangles.Length; t += 3)
        {
            for (int k = 0; k < 3; k++)
            {
                (int, int) edge = (mesh.Triangles[t + k], mesh.Triangles[t + ((k + 1) % 3)]);
                edges[edge] = edges.GetValueOrDefault(edge) + 1;
            }

            Vector3 a = mesh.Vertices[mesh.Triangles[t]], b = mesh.Vertices[mesh.Triangles[t + 1]], c = mesh.Vertices[mesh.Triangles[t + 2]];
            Assert.That(Vector3.Dot(Vector3.Cross(b - a, c - a), a + b + c), Is.GreaterThan(0), $"triangle {t / 3} faces out");
        }

        Assert.That(edges.Where(e => e.Value != 1 || !edges.ContainsKey((e.Key.Item2, e.Key.Item1))), Is.Empty);
    }

    [Test]
    public void Unit_meshes_fit_their_nominal_size()
    {
        Assert.Multiple(() =>
        {
            Assert.That(UnitMesh.Box.Vertices.Max(v => MathF.Max(MathF.Abs(v.X), MathF.Max(MathF.Abs(v.Y), MathF.Abs(v.Z)))), Is.EqualTo(0.5f));
            Assert.That(UnitMesh.Cylinder.Vertices.Max(v => new Vector2(v.X, v.Y).Length()), Is.EqualTo(1).Within(1e-6));
            Assert.That(UnitMesh.Cylinder.Vertices.Max(v => MathF.Abs(v.Z)), Is.EqualTo(0.5f));
            Assert.That(UnitMesh.Sphere.Vertices.Select(v => v.Length()), Has.All.EqualTo(1).Within(1e-6));
        });
    }
}
