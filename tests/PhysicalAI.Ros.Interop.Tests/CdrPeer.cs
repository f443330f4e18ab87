using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// The C programs in Peer/, built once per test run with the system's idlc and gcc against the installed
/// Cyclone DDS: cdr_peer (Cyclone's serializer), dds_peer (a publisher/subscriber on the wire),
/// garbage_peer (malformed samples under a ROS type name) and service_peer (services, parameters, rosout). None of their code is ours.
/// </summary>
internal sealed class CdrPeer
{
    private static readonly Lazy<CdrPeer> Built = new(Build);

    private CdrPeer(string workDirectory) => WorkDirectory = workDirectory;

    public string WorkDirectory { get; }

    public string Executable => Path.Combine(WorkDirectory, "cdr_peer");

    public string DdsPeer => Path.Combine(WorkDirectory, "dds_peer");

    public string GarbagePeer => Path.Combine(WorkDirectory, "garbage_peer");

    public string ServicePeer => Path.Combine(WorkDirectory, "service_peer");

    public static CdrPeer Instance => Built.Value;

    public byte[] Encode(string rosType) => RunToFile("encode", rosType);

    public byte[] EncodeBigEndian(string rosType) => RunToFile("encode-be", rosType);

    /// <summary>Cyclone decodes <paramref name="payload"/> and re-encodes what it read; null if it rejected the payload.</summary>
    public byte[]? DecodeAndReencode(string rosType, byte[] payload)
    {
        string input = Path.Combine(WorkDirectory, Guid.NewGuid().ToString("N") + ".in");
        string output = input + ".out";
        File.WriteAllBytes(input, payload);
        ExternalProcess.Result result = ExternalProcess.Run(Executable, ["decode", rosType, input, output]);
        if (result.ExitCode == 3)
        {
            return null;
        }

        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        return File.ReadAllBytes(output);
    }

    private byte[] RunToFile(string mode, string rosType)
    {
        string output = Path.Combine(WorkDirectory, Guid.NewGuid().ToString("N") + ".bin");
        ExternalProcess.Result result = ExternalProcess.Run(Executable, [mode, rosType, output]);
        Assert.That(result.ExitCode, Is.Zero, $"cdr_peer {mode} {rosType}: {result.StandardError}");
        return File.ReadAllBytes(output);
    }

    private static CdrPeer Build()
    {
        string? idlc = ExternalProcess.Which("idlc");
        string? gcc = ExternalProcess.Which("gcc");
        if (idlc is null || gcc is null || !File.Exists("/usr/include/dds/dds.h"))
        {
            throw new InvalidOperationException(
                "The Cyclone DDS peers need idlc, gcc and the Cyclone headers: apt-get install cyclonedds-dev cyclonedds-tools gcc");
        }

        string source = Path.Combine(AppContext.BaseDirectory, "Peer");
        string work = Path.Combine(Path.GetTempPath(), "pai-peers-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        foreach (string idl in new[] { "ros_types.idl", "garbage_types.idl", "service_types.idl" })
        {
            ExternalProcess.Result generated = ExternalProcess.Run(idlc, ["-o", work, "-I", source, Path.Combine(source, idl)], work);
            if (generated.ExitCode != 0)
            {
                throw new InvalidOperationException($"idlc {idl} failed: " + generated.StandardError);
            }
        }

        Compile(gcc, work, "cdr_peer", Path.Combine(source, "cdr_peer.c"), Path.Combine(source, "ros_samples.c"), Path.Combine(work, "ros_types.c"));
        Compile(gcc, work, "dds_peer", Path.Combine(source, "dds_peer.c"), Path.Combine(source, "ros_samples.c"), Path.Combine(work, "ros_types.c"));
        Compile(gcc, work, "garbage_peer", Path.Combine(source, "garbage_peer.c"), Path.Combine(work, "garbage_types.c"));
        Compile(gcc, work, "service_peer", Path.Combine(source, "service_peer.c"), Path.Combine(work, "service_types.c"), Path.Combine(work, "ros_types.c"));
        return new CdrPeer(work);

        void Compile(string compiler, string directory, string output, params string[] sources)
        {
            ExternalProcess.Result cc = ExternalProcess.Run(compiler,
                ["-O1", "-Wall", "-Werror", "-o", Path.Combine(directory, output), .. sources, "-I", directory, "-I", source, "-lddsc"], directory);
            if (cc.ExitCode != 0)
            {
                throw new InvalidOperationException($"gcc {output} failed: " + cc.StandardError);
            }
        }
    }
}
