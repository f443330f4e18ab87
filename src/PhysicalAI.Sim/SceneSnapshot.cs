using PhysicalAI.Robot;

namespace PhysicalAI.Sim;

/// <summary>One still frame of a scene with the arm at given joint positions, as a camera of the simulation sees it.</summary>
public static class SceneSnapshot
{
    /// <summary>Renders <paramref name="scene"/> with <paramref name="model"/> at <paramref name="positions"/> through <paramref name="camera"/>; rgb8, top row first.</summary>
    /// <exception cref="KeyNotFoundException">The camera's mount link is not in the model.</exception>
    /// <exception cref="ArgumentException">Wrong number of joint positions.</exception>
    public static byte[] Render(RobotModel model, Scene scene, CameraSpec camera, ReadOnlySpan<double> positions)
    {
        var arm = new SimulatedArm(model);
        arm.Reset(positions);
        var shapes = new SceneShapes(scene, model);
        shapes.Update(arm.LinkPoses);
        var simCamera = new SimCamera(camera, model);
        simCamera.Render(shapes, arm.LinkPoses);
        return simCamera.Image;
    }

    /// <summary>Where the scripted expert's plan for <paramref name="scene"/> ends (the tool at the goal), starting from <paramref name="home"/>; null with the reason when it cannot plan.</summary>
    public static (double[]? Positions, string? Failure) ExpertGoalPose(RobotModel model, Scene scene, ReadOnlySpan<double> home)
    {
        var arm = new SimulatedArm(model);
        arm.Reset(home);
        var expert = new ScriptedExpert(arm);
        if (!expert.Plan(scene))
        {
            return (null, expert.Failure);
        }

        return (expert.Waypoints[^1], null);
    }
}
