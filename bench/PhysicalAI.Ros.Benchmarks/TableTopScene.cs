using System.Numerics;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>
/// The scene the render target is stated for: a table (one large box), five cubes on it, and an arm of eleven links
/// (cylinders, spheres and boxes) reaching over them, seen by a 320x240, 60 degree camera from the front and above.
/// World z is up; the arm stands at the origin on the table top (z = 0) and reaches along +x.
/// </summary>
internal static class TableTopScene
{
    public static CameraIntrinsics Camera { get; } = CameraIntrinsics.FromHorizontalFieldOfView(320, 240, Math.PI / 3);

    public static Matrix4x4 CameraToWorld { get; } = OpticalFrame.LookAt(new Vector3(1.1f, -0.85f, 0.6f), new Vector3(0.3f, 0.05f, 0.18f), Vector3.UnitZ);

    public static RenderShape[] Shapes { get; } = Build();

    private static RenderShape[] Build()
    {
        var wood = new Rgb(150, 110, 70);
        var arm = new Rgb(225, 225, 230);
        var joint = new Rgb(60, 60, 70);
        var shapes = new List<RenderShape>
        {
            new(ShapeKind.Box, new Vector3(1.0f, 1.4f, 0.05f), Matrix4x4.CreateTranslation(0.35f, 0, -0.025f), wood),
        };

        Rgb[] cubeColors = [new(220, 40, 40), new(40, 180, 60), new(40, 80, 220), new(230, 200, 40), new(160, 60, 200)];
        for (int i = 0; i < cubeColors.Length; i++)
        {
            Matrix4x4 pose = Matrix4x4.CreateRotationZ(0.35f * i) * Matrix4x4.CreateTranslation(0.35f + (0.07f * (i % 3)), -0.3f + (0.15f * i), 0.025f);
            shapes.Add(new RenderShape(ShapeKind.Box, new Vector3(0.05f), pose, cubeColors[i]));
        }

        Vector3 baseTop = new(0, 0, 0.08f), shoulder = new(0, 0, 0.2f), elbow = new(0.12f, 0.05f, 0.45f), wrist = new(0.38f, 0.1f, 0.3f), hand = new(0.42f, 0.11f, 0.2f);
        shapes.Add(Link(Vector3.Zero, baseTop, 0.08f, arm));
        shapes.Add(Link(baseTop, shoulder, 0.05f, arm));
        shapes.Add(Joint(shoulder, 0.06f, joint));
        shapes.Add(Link(shoulder, elbow, 0.045f, arm));
        shapes.Add(Joint(elbow, 0.055f, joint));
        shapes.Add(Link(elbow, wrist, 0.04f, arm));
        shapes.Add(Joint(wrist, 0.045f, joint));
        shapes.Add(Link(wrist, hand, 0.035f, arm));
        Matrix4x4 palm = Along(hand - wrist) * Matrix4x4.CreateTranslation(hand);
        shapes.Add(new RenderShape(ShapeKind.Box, new Vector3(0.1f, 0.04f, 0.03f), palm, joint));
        shapes.Add(new RenderShape(ShapeKind.Box, new Vector3(0.015f, 0.02f, 0.07f), Matrix4x4.CreateTranslation(0.035f, 0, 0.045f) * palm, arm));
        shapes.Add(new RenderShape(ShapeKind.Box, new Vector3(0.015f, 0.02f, 0.07f), Matrix4x4.CreateTranslation(-0.035f, 0, 0.045f) * palm, arm));
        return [.. shapes];
    }

    private static RenderShape Link(Vector3 from, Vector3 to, float radius, Rgb color) =>
        new(ShapeKind.Cylinder, new Vector3(radius, radius, Vector3.Distance(from, to)), Along(to - from) * Matrix4x4.CreateTranslation((from + to) / 2), color);

    private static RenderShape Joint(Vector3 at, float radius, Rgb color) =>
        new(ShapeKind.Sphere, new Vector3(radius), Matrix4x4.CreateTranslation(at), color);

    /// <summary>A rotation taking local z onto <paramref name="direction"/>.</summary>
    private static Matrix4x4 Along(Vector3 direction)
    {
        Vector3 z = Vector3.Normalize(direction);
        Vector3 x = Vector3.Normalize(Vector3.Cross(MathF.Abs(z.Z) < 0.9f ? Vector3.UnitZ : Vector3.UnitX, z));
        Vector3 y = Vector3.Cross(z, x);
        return new Matrix4x4(x.X, x.Y, x.Z, 0, y.X, y.Y, y.Z, 0, z.X, z.Y, z.Z, 0, 0, 0, 0, 1);
    }
}
