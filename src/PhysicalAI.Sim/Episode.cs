using PhysicalAI.Robot;

namespace PhysicalAI.Sim;

/// <summary>
/// One attempt at the reach task: a scene, the arm starting from home, simulated time, and whether the
/// tool has reached the goal (success is kept once reached, as evaluation counts it).
/// </summary>
public sealed class Episode
{
    /// <summary>Starts the episode of <paramref name="scene"/> with <paramref name="arm"/> reset to <paramref name="home"/>.</summary>
    public Episode(SimulatedArm arm, Scene scene, ReadOnlySpan<double> home, string toolLink = "tool0")
    {
        Arm = arm;
        Scene = scene;
        ToolLink = toolLink;
        arm.Reset(home);
        Update();
    }

    /// <summary>The arm.</summary>
    public SimulatedArm Arm { get; }

    /// <summary>The scene.</summary>
    public Scene Scene { get; }

    /// <summary>The link whose origin is the tool tip.</summary>
    public string ToolLink { get; }

    /// <summary>Simulated seconds since the start.</summary>
    public double Elapsed { get; private set; }

    /// <summary>The tool tip's distance to the goal point now, m.</summary>
    public double ToolDistance { get; private set; }

    /// <summary>Whether the goal has been reached.</summary>
    public bool Succeeded { get; private set; }

    /// <summary>When it was first reached, s (NaN until then).</summary>
    public double SuccessTime { get; private set; } = double.NaN;

    /// <summary>The tool tip in the base frame.</summary>
    public Vector3d ToolTip => Arm.LinkPose(ToolLink).Translation;

    /// <summary>Advances <paramref name="dt"/> seconds.</summary>
    public void Step(double dt)
    {
        Arm.Step(dt);
        Elapsed += dt;
        Update();
    }

    private void Update()
    {
        ToolDistance = ReachTask.ToolDistance(Scene, ToolTip);
        if (!Succeeded && ToolDistance <= ReachTask.SuccessRadius)
        {
            Succeeded = true;
            SuccessTime = Elapsed;
        }
    }
}
