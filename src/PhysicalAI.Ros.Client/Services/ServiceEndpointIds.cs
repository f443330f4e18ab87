using System.Globalization;
using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client.Services;

/// <summary>
/// The ids rmw_cyclonedds puts in USER_DATA to pair a service's or client's two endpoints
/// (<c>serviceid=...;</c>, <c>clientid=...;</c>): the participant's 12-byte GUID prefix and a
/// big-endian 32-bit counter, as dotted hex.
/// </summary>
internal static class ServiceEndpointIds
{
    private static int _counter;

    public static string Next(DdsGid participant)
    {
        byte[] bytes = new byte[16];
        participant.CopyTo(bytes);
        int n = Interlocked.Increment(ref _counter);
        bytes[12] = (byte)(n >> 24);
        bytes[13] = (byte)(n >> 16);
        bytes[14] = (byte)(n >> 8);
        bytes[15] = (byte)n;
        return string.Join('.', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
