using PhysicalAI.Robot;
using PhysicalAI.Robot.Urdf;

namespace PhysicalAI.Nodes;

/// <summary>The robot descriptions shipped with the executables (copied from the repository's urdf/ folder).</summary>
public static class BuiltInRobots
{
    /// <summary>The names, as the <c>robot</c> parameter takes them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["pai_arm", "so101"];

    /// <summary>The URDF file of built-in robot <paramref name="name"/>, or null when there is no such robot.</summary>
    public static string? File(string name) =>
        Names.Contains(name) ? Path.Combine(AppContext.BaseDirectory, "urdf", name + ".urdf") : null;

    /// <summary>Loads <paramref name="nameOrFile"/>: a built-in robot's name, or a URDF file's path.</summary>
    /// <exception cref="UrdfException">The file is missing or malformed; the message names file, line and element.</exception>
    /// <exception cref="ArgumentException">Neither a built-in name nor a .urdf path.</exception>
    public static RobotModel Load(string nameOrFile)
    {
        if (File(nameOrFile) is { } builtIn)
        {
            return UrdfParser.Load(builtIn);
        }

        if (nameOrFile.EndsWith(".urdf", StringComparison.OrdinalIgnoreCase) || nameOrFile.Contains('/'))
        {
            return UrdfParser.Load(nameOrFile);
        }

        throw new ArgumentException($"'{nameOrFile}' is not a built-in robot ({string.Join(", ", Names)}) or a .urdf file");
    }
}
