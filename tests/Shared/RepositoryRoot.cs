namespace PhysicalAI.Ros.Tests.Shared;

/// <summary>The checkout the tests run from (the folder holding PhysicalAI.Ros.sln) and the tools in it.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The <c>pai</c> launcher at the repository root (it builds the CLI on first use).</summary>
    public static string Pai => System.IO.Path.Combine(Path, "pai");

    private static string Find()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir, "PhysicalAI.Ros.sln")))
        {
            dir = System.IO.Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("the tests must run inside the repository (PhysicalAI.Ros.sln not found above " + AppContext.BaseDirectory + ")");
    }
}
