namespace PhysicalAI.Nodes.Teleop;

/// <summary>One jog message to publish: joint <paramref name="Joint"/> (index into the jogged joints) at <paramref name="Velocity"/>; zero velocity is the stop.</summary>
/// <param name="Joint">The jogged joint, 0-based.</param>
/// <param name="Velocity">rad/s (m/s for prismatic joints); 0 to stop.</param>
public readonly record struct JogOutput(int Joint, double Velocity);
