using System.Numerics;
using PhysicalAI.Robot;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Sim;

/// <summary>
/// What the cameras draw: the table, the cubes and every visual of the arm at its current link poses, as
/// renderer shapes. Reuses one buffer; call <see cref="Update"/> after the arm moves.
/// </summary>
public sealed class SceneShapes
{
    private static readonly Rgb TableColor = new(150, 115, 80);
    private readonly RenderShape[] _shapes;
    private readonly (int Link, Visual Visual)[] _visuals;
    private readonly int _fixedCount;

    /// <summary>Shapes for <paramref name="scene"/> and the arm of <paramref name="model"/>.</summary>
    public SceneShapes(Scene scene, RobotModel model)
    {
        var fixedShapes = new List<RenderShape>
        {
            new(ShapeKind.Box, new Vector3((float)Scene.TableSize.X, (float)Scene.TableSize.Y, (float)Scene.TableSize.Thickness),
                ToMatrix(Transform3d.FromTranslation(Scene.TableCenter - new Vector3d(0, 0, Scene.TableSize.Thickness / 2))), TableColor),
        };
        foreach (SceneCube cube in scene.Cubes)
        {
            float s = (float)cube.Size;
            Transform3d pose = Transform3d.FromTranslation(cube.Center) * Transform3d.FromAxisAngle(Vector3d.UnitZ, cube.Yaw);
            fixedShapes.Add(new RenderShape(ShapeKind.Box, new Vector3(s, s, s), ToMatrix(pose), new Rgb(cube.Color.R, cube.Color.G, cube.Color.B)));
        }

        _visuals = [.. model.Links.SelectMany((link, i) => link.Visuals.Select(v => (i, v)))];
        _fixedCount = fixedShapes.Count;
        _shapes = new RenderShape[_fixedCount + _visuals.Length];
        fixedShapes.CopyTo(_shapes);
    }

    /// <summary>The shapes as of the last <see cref="Update"/>.</summary>
    public ReadOnlySpan<RenderShape> Shapes => _shapes;

    /// <summary>Moves the arm's shapes to <paramref name="linkPoses"/> (indexed as the model's links).</summary>
    public void Update(ReadOnlySpan<Transform3d> linkPoses)
    {
        for (int i = 0; i < _visuals.Length; i++)
        {
            (int link, Visual visual) = _visuals[i];
            Transform3d pose = linkPoses[link] * visual.Origin;
            (ShapeKind kind, Vector3 size) = visual.Geometry switch
            {
                BoxGeometry box => (ShapeKind.Box, new Vector3((float)box.Size.X, (float)box.Size.Y, (float)box.Size.Z)),
                CylinderGeometry c => (ShapeKind.Cylinder, new Vector3((float)c.Radius, (float)c.Radius, (float)c.Length)),
                SphereGeometry s => (ShapeKind.Sphere, new Vector3((float)s.Radius)),
                _ => throw new InvalidOperationException($"unexpected geometry {visual.Geometry}"),
            };
            Rgba c8 = visual.Color;
            _shapes[_fixedCount + i] = new RenderShape(kind, size, ToMatrix(pose), new Rgb(Byte(c8.R), Byte(c8.G), Byte(c8.B)));
        }
    }

    /// <summary>A transform as the renderer's row-vector matrix (world = local · M).</summary>
    public static Matrix4x4 ToMatrix(in Transform3d t) => new(
        (float)t.R00, (float)t.R10, (float)t.R20, 0,
        (float)t.R01, (float)t.R11, (float)t.R21, 0,
        (float)t.R02, (float)t.R12, (float)t.R22, 0,
        (float)t.Translation.X, (float)t.Translation.Y, (float)t.Translation.Z, 1);

    private static byte Byte(double unit) => (byte)Math.Clamp(Math.Round(unit * 255), 0, 255);
}
