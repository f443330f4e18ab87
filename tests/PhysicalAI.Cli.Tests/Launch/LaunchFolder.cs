using System.Collections.ObjectModel;
using PhysicalAI.Cli.Launch;

namespace PhysicalAI.Cli.Tests.Launch;

/// <summary>A temporary folder of launch files, and a launch context that finds packages in it and starts nodes as <c>pai run</c>.</summary>
internal sealed class LaunchFolder : IDisposable
{
    public LaunchFolder()
    {
        Root = Directory.CreateTempSubdirectory("pai_launch_test_").FullName;
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Makes <paramref name="package"/> an installed package of the prefix <c>Root/install</c>.</summary>
    public string InstallPackage(string package)
    {
        Write($"install/share/ament_index/resource_index/packages/{package}", string.Empty);
        Directory.CreateDirectory(Path.Combine(Root, "install", "share", package));
        return Path.Combine(Root, "install");
    }

    public LaunchContext Context(IReadOnlyDictionary<string, string>? environment = null, string? sourceTree = null) =>
        new(new PackageIndex([Path.Combine(Root, "install")], null, sourceTree ?? Root),
            environment ?? new ReadOnlyDictionary<string, string>(new Dictionary<string, string> { ["HOME"] = "/home/op" }),
            ["pai", "run"]);

    /// <summary>Plans <paramref name="file"/> with <paramref name="arguments"/> given as <c>name:=value</c>.</summary>
    public LaunchPlan Plan(string file, params (string, string)[] arguments) =>
        Commands.LaunchCommand.Plan(Context(), file, arguments);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
