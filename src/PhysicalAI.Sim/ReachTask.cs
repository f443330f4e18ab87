using PhysicalAI.Robot;

namespace PhysicalAI.Sim;

/// <summary>"Reach the &lt;colour&gt; cube": success once the tool tip is within <see cref="SuccessRadius"/> of the point just above the named cube.</summary>
public static class ReachTask
{
    /// <summary>How close the tool tip must get, m.</summary>
    public const double SuccessRadius = 0.03;

    /// <summary>Distance from the tool tip to the goal point of <paramref name="scene"/>'s target.</summary>
    public static double ToolDistance(Scene scene, Vector3d toolTip) => (toolTip - scene.Target.GoalPoint).Length;

    /// <summary>Whether a tool tip at <paramref name="toolTip"/> counts as reached.</summary>
    public static bool IsReached(Scene scene, Vector3d toolTip) => ToolDistance(scene, toolTip) <= SuccessRadius;
}
