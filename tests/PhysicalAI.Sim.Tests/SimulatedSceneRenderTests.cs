using PhysicalAI.Robot;
using PhysicalAI.Sim.Rendering;
using PhysicalAI.Sim.Tests.Rendering;

namespace PhysicalAI.Sim.Tests;

/// <summary>
/// The default scene through the default front camera, robot and all: every cube's pixels lie where the
/// camera's intrinsics and pose project that cube, a seed always gives the same image, and the snapshot
/// PNG is a valid image of it.
/// </summary>
public class SimulatedSceneRenderTests
{
    [TestCaseSource(typeof(RepositoryRobots), nameof(RepositoryRobots.Files))]
    public void EachCubesPixels_LieWhereTheCameraProjectsTheCube(string file)
    {
        RobotModel robot = RepositoryRobots.Load(file);
        CameraSpec camera = CameraSpec.FrontCamera;
        CameraIntrinsics k = camera.Intrinsics;
        var arm = new SimulatedArm(robot);
        Transform3d worldToOptical = new SimCamera(camera, robot).OpticalPose(arm.LinkPoses).Inverse();
        int cubesChecked = 0;
        for (int seed = 0; seed < 20; seed++)
        {
            Scene scene = new SceneLayout().Generate(seed);
            double[] home = new double[robot.ActuatedJoints.Count];
            byte[] image = SceneSnapshot.Render(robot, scene, camera, home);
            foreach (SceneCube cube in scene.Cubes)
            {
                // The cube's pixels are those that change when it is taken away (the SO-101 is as yellow as the
                // yellow cube, so colour alone cannot tell them apart). They must lie inside the box its
                // projected corners span, and most of them must show its colour.
                byte[] without = SceneSnapshot.Render(robot, scene with { Cubes = [.. scene.Cubes.Where(c => c != cube)] }, camera, home);
                (double minU, double minV, double maxU, double maxV) = ProjectedBounds(cube, worldToOptical, k);
                int inside = 0, outside = 0, coloured = 0;
                for (int v = 0; v < k.Height; v++)
                {
                    for (int u = 0; u < k.Width; u++)
                    {
                        int at = ((v * k.Width) + u) * 3;
                        if (image.AsSpan(at, 3).SequenceEqual(without.AsSpan(at, 3)))
                        {
                            continue;
                        }

                        // Pixel u covers [u, u + 1): it may touch the bound on either side.
                        if (u + 1 >= minU && u <= maxU && v + 1 >= minV && v <= maxV)
                        {
                            inside++;
                        }
                        else
                        {
                            outside++;
                        }

                        coloured += IsColour(new Rgb(image[at], image[at + 1], image[at + 2]), cube.Color) ? 1 : 0;
                    }
                }

                double area = (maxU - minU) * (maxV - minV);
                Assert.Multiple(() =>
                {
                    Assert.That(outside, Is.Zero, $"seed {seed}, {cube.Color.Name} cube: pixels outside its projection [{minU:0.0}..{maxU:0.0}] x [{minV:0.0}..{maxV:0.0}]");
                    Assert.That(inside, Is.GreaterThan(0.25 * area), $"seed {seed}, {cube.Color.Name} cube: {inside} pixels in a projected box of {area:0} px²");
                    Assert.That(coloured, Is.EqualTo(inside), $"seed {seed}, {cube.Color.Name} cube: every pixel of it has its hue");
                });
                cubesChecked++;
            }
        }

        TestContext.Out.WriteLine($"{file}: {cubesChecked} cubes in 20 scenes, each inside its projection");
    }

    [Test]
    public void TheSameSeed_GivesTheSameImage_AndAnotherSeedAnotherOne()
    {
        RobotModel robot = RepositoryRobots.Load("pai_arm.urdf");
        double[] home = new double[robot.ActuatedJoints.Count];
        byte[] first = SceneSnapshot.Render(robot, new SceneLayout().Generate(5), CameraSpec.FrontCamera, home);
        byte[] again = SceneSnapshot.Render(robot, new SceneLayout().Generate(5), CameraSpec.FrontCamera, home);
        byte[] other = SceneSnapshot.Render(robot, new SceneLayout().Generate(6), CameraSpec.FrontCamera, home);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public void TheSnapshotPng_IsAValidImageOfTheFrame()
    {
        RobotModel robot = RepositoryRobots.Load("so101.urdf");
        Scene scene = new SceneLayout().Generate(11);
        (double[]? goal, string? failure) = SceneSnapshot.ExpertGoalPose(robot, scene, new double[robot.ActuatedJoints.Count]);
        Assert.That(goal, Is.Not.Null, failure);
        byte[] rgb = SceneSnapshot.Render(robot, scene, CameraSpec.FrontCamera, goal);
        using var png = new MemoryStream();
        PngWriter.WriteRgb8(png, 320, 240, rgb);
        MinimalPngReader.Image read = MinimalPngReader.Read(png.ToArray());
        Assert.Multiple(() =>
        {
            Assert.That((read.Width, read.Height), Is.EqualTo((320, 240)));
            Assert.That(read.Rgb8, Is.EqualTo(rgb));
            Assert.That(read.Chunks[0], Is.EqualTo("IHDR"));
            Assert.That(read.Chunks[^1], Is.EqualTo("IEND"));
        });
    }

    private static (double MinU, double MinV, double MaxU, double MaxV) ProjectedBounds(SceneCube cube, in Transform3d worldToOptical, CameraIntrinsics k)
    {
        double minU = double.MaxValue, minV = double.MaxValue, maxU = double.MinValue, maxV = double.MinValue;
        double h = cube.Size / 2, c = Math.Cos(cube.Yaw), s = Math.Sin(cube.Yaw);
        foreach (double dx in new[] { -h, h })
        {
            foreach (double dy in new[] { -h, h })
            {
                foreach (double dz in new[] { -h, h })
                {
                    Vector3d corner = cube.Center + new Vector3d((c * dx) - (s * dy), (s * dx) + (c * dy), dz);
                    Vector3d p = worldToOptical.TransformPoint(corner);
                    Assert.That(p.Z, Is.GreaterThan(0.1), "the cube is in front of the camera");
                    double u = (k.Fx * p.X / p.Z) + k.Cx, v = (k.Fy * p.Y / p.Z) + k.Cy;
                    (minU, maxU, minV, maxV) = (Math.Min(minU, u), Math.Max(maxU, u), Math.Min(minV, v), Math.Max(maxV, v));
                }
            }
        }

        return (minU, minV, maxU, maxV);
    }

    private static bool IsColour(Rgb pixel, CubeColor color)
    {
        int max = Math.Max(pixel.R, Math.Max(pixel.G, pixel.B)), min = Math.Min(pixel.R, Math.Min(pixel.G, pixel.B));
        bool saturated = max > 30 && (max - min) > 0.45 * max;
        return saturated && Hue.Distance(pixel, new Rgb(color.R, color.G, color.B)) < 10;
    }
}
