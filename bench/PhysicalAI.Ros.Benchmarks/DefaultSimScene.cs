using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;
using PhysicalAI.Sim;

namespace PhysicalAI.Ros.Benchmarks;

/// <summary>
/// What sim_arm renders by default: pai_arm in the scene of seed 0, seen by the default front camera
/// (320x240, 60°), with the arm where the scripted expert reaches the target so it stands over the table.
/// </summary>
internal sealed class DefaultSimScene
{
    public DefaultSimScene()
    {
        Robot = UrdfParser.Load(Path.Combine(AppContext.BaseDirectory, "urdf", "pai_arm.urdf"));
        Scene = new SceneLayout().Generate(0);
        (double[]? goal, string? failure) = SceneSnapshot.ExpertGoalPose(Robot, Scene, new double[Robot.ActuatedJoints.Count]);
        Positions = goal ?? throw new InvalidOperationException(failure);
        Arm = new SimulatedArm(Robot);
        Arm.Reset(Positions);
        Shapes = new SceneShapes(Scene, Robot);
        Camera = new SimCamera(CameraSpec.FrontCamera, Robot);
    }

    public RobotModel Robot { get; }

    public Scene Scene { get; }

    public double[] Positions { get; }

    public SimulatedArm Arm { get; }

    public SceneShapes Shapes { get; }

    public SimCamera Camera { get; }
}
