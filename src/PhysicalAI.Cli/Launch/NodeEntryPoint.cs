namespace PhysicalAI.Cli.Launch;

/// <summary>
/// How a node process is started: <c>pai run EXECUTABLE</c> with this very program (<c>dotnet pai.dll</c>, or
/// its apphost). The ament package's <c>lib/physical_ai_ros/EXECUTABLE</c> wrappers run the same command, so
/// <c>pai run</c>, <c>pai launch</c>, <c>ros2 run</c> and <c>ros2 launch</c> all start one entry point.
/// </summary>
internal static class NodeEntryPoint
{
    /// <summary>The command line up to and including <c>run</c>; the executable's name follows.</summary>
    public static IReadOnlyList<string> Current()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, typeof(NodeEntryPoint).Assembly.Location, "run"]
            : [process, "run"];
    }
}
