namespace PhysicalAI.Cli.Launch;

/// <summary>
/// Finds packages as ament_index does (<c>$(find-pkg-share)</c>, node executables of other packages): the
/// first prefix of <c>AMENT_PREFIX_PATH</c> that has <c>share/ament_index/resource_index/packages/PKG</c>.
/// This suite's own package is also found without a ROS 2 environment: in the ament install that holds
/// this program (<c>PREFIX/lib/physical_ai_ros/pai/</c>), else in the source checkout it was built from,
/// whose root has the same launch/, config/, urdf/ and models/ folders as the installed share directory.
/// </summary>
internal sealed class PackageIndex(IReadOnlyList<string> prefixes, string? installedPrefix, string? sourceTree)
{
    public const string OwnPackage = "physical_ai_ros";

    /// <summary>The index of this process: its AMENT_PREFIX_PATH, and where this program is.</summary>
    public static PackageIndex FromProcess()
    {
        string[] prefixes = (Environment.GetEnvironmentVariable("AMENT_PREFIX_PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        string here = AppContext.BaseDirectory;
        string? installed = Path.GetFullPath(Path.Combine(here, "..", "..", ".."));
        if (!File.Exists(Path.Combine(installed, "share", OwnPackage, "package.xml")))
        {
            installed = null;
        }

        return new PackageIndex(prefixes, installed, FindSourceTree(here));
    }

    /// <summary>The install prefix of <paramref name="package"/>, or null.</summary>
    public string? FindPrefix(string package)
    {
        foreach (string prefix in prefixes)
        {
            if (File.Exists(Path.Combine(prefix, "share", "ament_index", "resource_index", "packages", package)))
            {
                return prefix;
            }
        }

        return package == OwnPackage ? installedPrefix : null;
    }

    /// <summary>The share directory of <paramref name="package"/> (for this suite, the checkout's root when it is not installed), or null.</summary>
    public string? FindShare(string package)
    {
        if (FindPrefix(package) is { } prefix)
        {
            return Path.Combine(prefix, "share", package);
        }

        return package == OwnPackage ? sourceTree : null;
    }

    /// <summary>Where a package was looked for, for messages.</summary>
    public string Describe() =>
        prefixes.Count == 0 ? "AMENT_PREFIX_PATH is not set (source a ROS 2 install or workspace setup file)" : $"AMENT_PREFIX_PATH is {string.Join(Path.PathSeparator, prefixes)}";

    private static string? FindSourceTree(string start)
    {
        for (string? dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "PhysicalAI.Ros.sln")) && Directory.Exists(Path.Combine(dir, "launch")))
            {
                return dir;
            }
        }

        return null;
    }
}
