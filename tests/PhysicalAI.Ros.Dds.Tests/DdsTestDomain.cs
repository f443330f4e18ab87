namespace PhysicalAI.Ros.Dds.Tests;

/// <summary>
/// A loopback-only Cyclone configuration on a domain id of its own per test run, so tests neither see
/// nor disturb other DDS traffic on the machine.
/// </summary>
internal static class DdsTestDomain
{
    public static readonly uint Id = (uint)(100 + (Environment.ProcessId % 100));

    public const string LoopbackConfig =
        "<CycloneDDS><Domain><General><Interfaces><NetworkInterface address=\"127.0.0.1\"/></Interfaces>" +
        "<AllowMulticast>false</AllowMulticast></General><Discovery><ParticipantIndex>auto</ParticipantIndex>" +
        "<MaxAutoParticipantIndex>32</MaxAutoParticipantIndex><Peers><Peer address=\"127.0.0.1\"/></Peers></Discovery></Domain></CycloneDDS>";

    public static DdsParticipant CreateParticipant() => DdsParticipant.Create(Id, LoopbackConfig, "enclave=/;"u8);

    public static string UniqueTopic(string stem) => $"rt/test_{stem}_{Guid.NewGuid():N}";
}
