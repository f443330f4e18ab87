namespace PhysicalAI.Safety;

/// <summary>Who is driving the arm this cycle; teleop outranks the policy, and with neither the arm holds.</summary>
public enum CommandSource
{
    Hold,
    Policy,
    Teleop,
}
