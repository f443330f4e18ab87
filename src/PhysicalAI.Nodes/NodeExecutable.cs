namespace PhysicalAI.Nodes;

/// <summary>A node program that <c>pai run</c> and <c>ros2 run</c> can start by name.</summary>
/// <param name="Name">Executable name (<c>talker</c>).</param>
/// <param name="Description">One line for listings.</param>
/// <param name="Main">Entry point: the command line (with its <c>--ros-args</c>), returning the exit code.</param>
public sealed record NodeExecutable(string Name, string Description, Func<string[], int> Main);
