using System.CommandLine;
using PhysicalAI.Nodes;
using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;
using PhysicalAI.Sim;
using PhysicalAI.Sim.Rendering;

namespace PhysicalAI.Cli.Commands;

/// <summary>
/// <c>pai sim snapshot --seed N --out frame.png</c>: what a camera of the simulation sees in seed N's scene,
/// written as a PNG so a person can look — the arm at home, or where the scripted expert's plan ends.
/// </summary>
internal static class SimSnapshotCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Scene seed (as sim_arm's seed parameter)", DefaultValueFactory = _ => 0 };
        var output = new Option<FileInfo>("--out", "-o") { Description = "PNG file to write", Required = true };
        var robot = CliOptions.Robot();
        var camera = new Option<string>("--camera") { Description = "front_camera or wrist_camera", DefaultValueFactory = _ => CameraSpec.FrontCamera.Name };
        var width = new Option<int>("--width") { Description = "Image width, px", DefaultValueFactory = _ => CameraSpec.FrontCamera.Width };
        var height = new Option<int>("--height") { Description = "Image height, px", DefaultValueFactory = _ => CameraSpec.FrontCamera.Height };
        var pose = new Option<string>("--pose") { Description = "home (all joints at zero) or goal (where the scripted expert reaches the target)", DefaultValueFactory = _ => "home" };
        pose.AcceptOnlyFromAmong("home", "goal");
        camera.AcceptOnlyFromAmong(CameraSpec.FrontCamera.Name, CameraSpec.WristCamera.Name);
        var command = new Command("snapshot", "Write a PNG of what a simulated camera sees in a seeded scene") { seed, output, robot, camera, width, height, pose };
        command.SetAction(result =>
        {
            RobotModel model = CliOptions.LoadRobot(result.GetValue(robot)!);
            int w = result.GetValue(width), h = result.GetValue(height);
            if (w is < 16 or > 4096 || h is < 16 or > 4096)
            {
                throw new CliError($"--width and --height must be 16..4096 (got {w}x{h})");
            }

            CameraSpec spec = (result.GetValue(camera) == CameraSpec.WristCamera.Name ? CameraSpec.WristCamera : CameraSpec.FrontCamera) with { Width = w, Height = h };
            if (!model.HasLink(spec.MountLink))
            {
                throw new CliError($"robot '{model.Name}' has no link '{spec.MountLink}' to mount {spec.Name} on");
            }

            Scene scene = new SceneLayout().Generate(result.GetValue(seed));
            double[] positions = new double[model.ActuatedJoints.Count];
            if (result.GetValue(pose) == "goal")
            {
                (double[]? goal, string? failure) = SceneSnapshot.ExpertGoalPose(model, scene, positions);
                positions = goal ?? throw new CliError($"the scripted expert cannot reach the goal of seed {scene.Seed}: {failure}");
            }

            byte[] rgb = SceneSnapshot.Render(model, scene, spec, positions);
            FileInfo file = result.GetValue(output)!;
            try
            {
                using FileStream stream = file.Create();
                PngWriter.WriteRgb8(stream, spec.Width, spec.Height, rgb);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliError($"cannot write {file.FullName}: {e.Message}");
            }

            Console.WriteLine($"{file.FullName}: {spec.Width}x{spec.Height} rgb8 from {spec.Name} of {model.Name}, seed {scene.Seed} ({string.Join(", ", scene.Cubes.Select(c => c.Color.Name))} cubes): {scene.Instruction}");
            return 0;
        });
        return command;
    }
}
