namespace PhysicalAI.Ros.Client.Arguments;

/// <summary>The command line's ROS arguments cannot be used; the message names the argument and why.</summary>
public sealed class RosArgumentsException(string message) : ArgumentException(message);
