using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds.Tests;

public class DdsLibraryResolverTests
{
    [Test]
    public void Candidates_PutOverrideThenRosInstallThenSystem()
    {
        string? savedOverride = Environment.GetEnvironmentVariable(DdsLibraryResolver.OverrideVariable);
        string? savedDistro = Environment.GetEnvironmentVariable("ROS_DISTRO");
        try
        {
            Environment.SetEnvironmentVariable(DdsLibraryResolver.OverrideVariable, "/custom/libddsc.so.0");
            Environment.SetEnvironmentVariable("ROS_DISTRO", "jazzy");
            List<string> candidates = [.. DdsLibraryResolver.Candidates()];
            Assert.Multiple(() =>
            {
                Assert.That(candidates[0], Is.EqualTo("/custom/libddsc.so.0"));
                Assert.That(candidates[1], Is.EqualTo("/opt/ros/jazzy/lib/libddsc.so.0"));
                Assert.That(candidates, Does.Contain("libddsc.so.0debian").And.Contain("libddsc.so.0t64"));
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable(DdsLibraryResolver.OverrideVariable, savedOverride);
            Environment.SetEnvironmentVariable("ROS_DISTRO", savedDistro);
        }
    }

    [Test]
    public void MissingLibrary_MessageSaysHowToInstall()
    {
        var e = new DdsLibraryNotFoundException(["/nowhere/libddsc.so.0", "libddsc.so.0"]);
        Assert.That(e.Message, Does.Contain("/nowhere/libddsc.so.0").And.Contain("apt-get install libddsc0debian").And.Contain("PAI_LIBDDSC"));
    }

    [Test]
    public void LoadedLibrary_IsReported()
    {
        using DdsParticipant participant = DdsTestDomain.CreateParticipant();
        Assert.That(DdsParticipant.LibraryPath, Is.Not.Null.And.Contains("libddsc"));
    }
}
