namespace PhysicalAI.Safety.Tests;

/// <summary>A three-joint arm's limits for the rule tests, and a controller driven cycle by cycle with an ideal arm (measured = setpoint).</summary>
internal sealed class TestArm
{
    public static readonly JointSafetyLimits[] Limits =
    [
        new() { Name = "a", MinPosition = -2, MaxPosition = 2, SoftMinPosition = -1.9, SoftMaxPosition = 1.9, MaxVelocity = 1, MaxAcceleration = 4, MaxDeceleration = 6, MaxJerk = 100 },
        new() { Name = "b", MinPosition = -1, MaxPosition = 1, SoftMinPosition = -0.95, SoftMaxPosition = 0.95, MaxVelocity = 2, MaxAcceleration = 8, MaxDeceleration = 8, MaxJerk = 200 },
        new() { Name = "c", MinPosition = -3, MaxPosition = 3, SoftMinPosition = -2.9, SoftMaxPosition = 2.9, MaxVelocity = 1.5, MaxAcceleration = 5, MaxDeceleration = 10, MaxJerk = 150 },
    ];

    public static readonly string[] Names = ["a", "b", "c"];

    public TestArm(SafetyControllerOptions? options = null)
    {
        Options = options ?? new SafetyControllerOptions { StartEnabled = true };
        Controller = new SafetyController(Limits, Options);
        Controller.OnJointState(Names, [0, 0, 0], Now);
    }

    public SafetyControllerOptions Options { get; }

    public SafetyController Controller { get; }

    public double Now { get; private set; }

    /// <summary>Runs <paramref name="cycles"/> cycles; the arm follows the setpoint exactly and reports it each cycle. Returns whether the last cycle commanded.</summary>
    public bool Run(int cycles, Action? beforeEachCycle = null, bool reportState = true)
    {
        bool commanded = false;
        for (int i = 0; i < cycles; i++)
        {
            Now += Options.Period;
            beforeEachCycle?.Invoke();
            if (reportState)
            {
                // Not yet commanded, the arm stays where it was measured.
                bool commanding = Controller.State is not (SafetyState.Disabled or SafetyState.WaitingForState);
                Controller.OnJointState(Names, commanding ? Controller.Limiter.Positions : Controller.Measured.ToArray(), Now);
            }

            commanded = Controller.Cycle(Now);
        }

        return commanded;
    }

    /// <summary>Runs with <paramref name="command"/> each cycle until <paramref name="done"/> or <paramref name="seconds"/> pass; returns the seconds taken.</summary>
    public double RunUntil(Func<bool> done, double seconds, Action? command = null)
    {
        double start = Now;
        while (!done() && Now - start < seconds)
        {
            Run(1, command);
        }

        return Now - start;
    }

    public double[] Setpoint => Controller.Limiter.Positions.ToArray();
}
