using PhysicalAI.Robot;
using PhysicalAI.Robot.Kinematics;

namespace PhysicalAI.Safety;

/// <summary>Where the tool frame is for a set of joint positions, against the workspace box.</summary>
public sealed class WorkspaceGuard
{
    private readonly KinematicChain _chain;

    /// <summary>Guards <paramref name="toolLink"/> of <paramref name="model"/> (positions are the model's actuated joints, in order).</summary>
    public WorkspaceGuard(RobotModel model, string toolLink, WorkspaceBox box)
    {
        _chain = new KinematicChain(model, model.RootLink, toolLink);
        Box = box;
    }

    public WorkspaceBox Box { get; }

    /// <summary>How far outside the box the tool is at <paramref name="positions"/>, m.</summary>
    public double DistanceOutside(ReadOnlySpan<double> positions) => Box.DistanceOutside(_chain.TipPose(positions).Translation);
}
