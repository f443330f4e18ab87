using PhysicalAI.Ros.Cdr;

namespace PhysicalAI.Ros.Client.Services;

/// <summary>
/// rmw_cyclonedds_cpp's in-band request header (<c>cdds_request_header_t</c>), written before the body of
/// every request and reply: the client's request-writer instance handle and the request's sequence number.
/// </summary>
/// <param name="ClientGuid">The requesting client's request-writer instance handle.</param>
/// <param name="Sequence">Per-process request counter, from 1.</param>
internal readonly record struct ServiceHeader(ulong ClientGuid, long Sequence)
{
    public void Write(ref CdrWriter writer)
    {
        writer.WriteUInt64(ClientGuid);
        writer.WriteInt64(Sequence);
    }

    public static ServiceHeader Read(ref CdrReader reader) =>
        new(reader.ReadUInt64("request_header.guid"), reader.ReadInt64("request_header.seq"));

    public static void Measure(ref CdrSizeCalculator size)
    {
        size.AddPrimitive<ulong>();
        size.AddPrimitive<long>();
    }
}
