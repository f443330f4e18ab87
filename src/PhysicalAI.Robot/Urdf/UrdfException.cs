namespace PhysicalAI.Robot.Urdf;

/// <summary>A URDF that cannot be used; the message names the file, the line and the element.</summary>
public sealed class UrdfException(string message) : FormatException(message);
