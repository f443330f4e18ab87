using PhysicalAI.Ros.Tests.Shared;

namespace PhysicalAI.Ros.Interop.Tests;

/// <summary>
/// The C program in Peer/ (Cyclone DDS's serializer over idlc-generated types), built once per test
/// run with the system's idlc and gcc: the independent implementation our CDR is checked against.
/// </summary>
internal sealed class CdrPeer
{
    private static readonly Lazy<CdrPeer> Built = new(Build);

    private CdrPeer(string executable, string workDirectory)
    {
        Executable = executable;
        WorkDirectory = workDirectory;
    }

    public string Executable { get; }

    public string WorkDirectory { get; }

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
                "The Cyclone DDS peer needs idlc, gcc and the Cyclone headers: apt-get install cyclonedds-dev cyclonedds-tools gcc");
        }

        string source = Path.Combine(AppContext.BaseDirectory, "Peer");
        string work = Path.Combine(Path.GetTempPath(), "pai-cdr-peer-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        ExternalProcess.Result idl = ExternalProcess.Run(idlc, ["-o", work, Path.Combine(source, "ros_types.idl")], work);
        if (idl.ExitCode != 0)
        {
            throw new InvalidOperationException("idlc failed: " + idl.StandardError);
        }

        string executable = Path.Combine(work, "cdr_peer");
        ExternalProcess.Result cc = ExternalProcess.Run(gcc,
            ["-O1", "-Wall", "-Werror", "-o", executable, Path.Combine(source, "cdr_peer.c"), Path.Combine(work, "ros_types.c"), "-I", work, "-lddsc"], work);
        if (cc.ExitCode != 0)
        {
            throw new InvalidOperationException("gcc failed: " + cc.StandardError);
        }

        return new CdrPeer(executable, work);
    }
}
