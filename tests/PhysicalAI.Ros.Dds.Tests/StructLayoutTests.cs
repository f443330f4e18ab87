using PhysicalAI.Ros.Dds.Interop;
using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Dds.Tests;

/// <summary>
/// Every struct, member offset and constant we mirror from Cyclone DDS, checked against a C program
/// compiled here against the installed headers (Native/layout.c). A Cyclone build with another layout
/// fails this test instead of corrupting memory.
/// </summary>
public class StructLayoutTests
{
    [Test]
    public void OurMirrors_MatchTheInstalledHeaders()
    {
        string gcc = ExternalProcess.Which("gcc") ?? throw new InvalidOperationException("gcc is needed: apt-get install gcc");
        Assert.That(File.Exists("/usr/include/dds/dds.h"), Is.True, "Cyclone DDS headers are needed: apt-get install cyclonedds-dev");
        string work = Path.Combine(Path.GetTempPath(), "pai-layout-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        string program = Path.Combine(work, "layout");
        ExternalProcess.Result build = ExternalProcess.Run(gcc, ["-o", program, Path.Combine(AppContext.BaseDirectory, "Native", "layout.c")]);
        Assert.That(build.ExitCode, Is.Zero, build.StandardError);
        ExternalProcess.Result run = ExternalProcess.Run(program, []);
        Assert.That(run.ExitCode, Is.Zero, run.StandardError);

        string[] fromHeaders = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        List<string> ours = DdsLayouts.Describe();
        TestContext.Out.WriteLine($"{fromHeaders.Length} facts from the headers, {ours.Count} mirrored");
        Assert.Multiple(() =>
        {
            Assert.That(ours, Is.EquivalentTo(fromHeaders));
            Assert.That(ours, Has.Count.GreaterThan(100));
        });
    }
}
