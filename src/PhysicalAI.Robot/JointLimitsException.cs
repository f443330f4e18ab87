namespace PhysicalAI.Robot;

/// <summary>A joint limits file that cannot be used; the message names the file, line and joint.</summary>
public sealed class JointLimitsException(string message) : FormatException(message);
