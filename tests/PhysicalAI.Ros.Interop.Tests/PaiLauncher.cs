using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>The <c>pai</c> launcher at the repository root, built once for every test class that runs it.</summary>
internal static class PaiLauncher
{
    private static readonly Lazy<ExternalProcess.Result> Build = new(() =>
        ExternalProcess.Run(RepositoryRoot.Pai, ["--help"], RepositoryRoot.Path, TimeSpan.FromMinutes(5)));

    /// <summary>Builds the CLI on first use (later calls return at once); fails the caller's setup when the build fails.</summary>
    public static void EnsureBuilt()
    {
        ExternalProcess.Result help = Build.Value;
        Assert.That(help.ExitCode, Is.Zero, help.StandardError + help.StandardOutput);
    }
}
