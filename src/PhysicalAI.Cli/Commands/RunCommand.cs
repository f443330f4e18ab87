using PhysicalAI.Nodes;

namespace PhysicalAI.Cli.Commands;

/// <summary>
/// <c>pai run [physical_ai_ros] EXECUTABLE [args] [--ros-args ...]</c> (or <c>pai run --list</c>): starts one of the suite's node
/// executables in this process, as <c>ros2 run</c> starts one from a package. Parsed by hand so that
/// everything after the executable reaches it untouched.
/// </summary>
internal static class RunCommand
{
    public const string PackageName = "physical_ai_ros";

    public static int Run(string[] args)
    {
        string[] rest = args.Length > 0 && args[0] == PackageName ? args[1..] : args;
        if (rest is ["--list"])
        {
            // One name a line: the ament package's build makes one lib/physical_ai_ros/NAME wrapper per line.
            foreach (NodeExecutable e in NodeExecutables.All)
            {
                Console.WriteLine(e.Name);
            }

            return 0;
        }

        if (rest.Length == 0 || rest[0] is "-h" or "--help")
        {
            Console.WriteLine("usage: pai run [physical_ai_ros] EXECUTABLE [args] [--ros-args ...]\n       pai run --list\n\nexecutables:");
            foreach (NodeExecutable e in NodeExecutables.All)
            {
                Console.WriteLine($"  {e.Name,-20} {e.Description}");
            }

            return rest.Length == 0 ? 2 : 0;
        }

        NodeExecutable? executable = NodeExecutables.Find(rest[0]);
        if (executable is null)
        {
            Console.Error.WriteLine($"No executable named '{rest[0]}'. Available: {string.Join(", ", NodeExecutables.All.Select(e => e.Name))}");
            return 2;
        }

        return executable.Main(rest[1..]);
    }
}
