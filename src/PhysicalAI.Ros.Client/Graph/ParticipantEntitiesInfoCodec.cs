using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client.Graph;

/// <summary>
/// <c>rmw_dds_common/msg/ParticipantEntitiesInfo</c> on the wire for either distro: a GID (16 bytes in
/// Jazzy, 16 zero-padded to 24 in Humble, no length prefix) and the nodes with their endpoint GIDs.
/// Written by hand because the two distros share the DDS type name but not the layout.
/// </summary>
public static class ParticipantEntitiesInfoCodec
{
    /// <summary>The DDS topic (no <c>rt/</c> prefix).</summary>
    public const string TopicName = "ros_discovery_info";

    /// <summary>The DDS type name, the same in every distro.</summary>
    public const string TypeName = "rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_";

    private const int NameBound = 256;

    /// <summary>Serialized size of the message.</summary>
    public static int Measure(RosDistro distro, IReadOnlyList<NodeEntitiesInfo> nodes)
    {
        int gid = distro.GidSize();
        var size = new CdrSizeCalculator();
        size.AddPrimitiveArray<byte>(gid);
        size.AddSequenceLength();
        foreach (NodeEntitiesInfo node in nodes)
        {
            size.AddString(node.Namespace);
            size.AddString(node.Name);
            size.AddPrimitiveSequence<byte>(node.Readers.Count * gid);
            size.AddPrimitiveSequence<byte>(node.Writers.Count * gid);
        }

        return size.Size;
    }

    /// <summary>Writes the message for participant <paramref name="participant"/>.</summary>
    public static int Write(Span<byte> destination, RosDistro distro, DdsGid participant, IReadOnlyList<NodeEntitiesInfo> nodes)
    {
        var writer = new CdrWriter(destination);
        WriteGid(ref writer, distro, participant);
        writer.WriteSequenceLength(nodes.Count, "node_entities_info_seq");
        foreach (NodeEntitiesInfo node in nodes)
        {
            writer.WriteString(node.Namespace, "node_namespace", NameBound);
            writer.WriteString(node.Name, "node_name", NameBound);
            writer.WriteSequenceLength(node.Readers.Count, "reader_gid_seq");
            foreach (DdsGid gid in node.Readers)
            {
                WriteGid(ref writer, distro, gid);
            }

            writer.WriteSequenceLength(node.Writers.Count, "writer_gid_seq");
            foreach (DdsGid gid in node.Writers)
            {
                WriteGid(ref writer, distro, gid);
            }
        }

        return writer.Complete(CdrTrailingPadding.ZeroFill);
    }

    /// <summary>Reads a message; the GIDs are the first 16 bytes of each (the rest is Humble's padding).</summary>
    /// <exception cref="CdrException">The payload is malformed or was written for the other distro.</exception>
    public static (DdsGid Participant, List<NodeEntitiesInfo> Nodes) Read(ReadOnlySpan<byte> payload, RosDistro distro)
    {
        var reader = new CdrReader(payload);
        int gidSize = distro.GidSize();
        DdsGid participant = ReadGid(ref reader, gidSize, "gid");
        int count = reader.ReadSequenceLength("node_entities_info_seq", 4 + 4 + 4 + 4);
        var nodes = new List<NodeEntitiesInfo>(count);
        for (int i = 0; i < count; i++)
        {
            string ns = reader.ReadString("node_namespace", NameBound);
            string name = reader.ReadString("node_name", NameBound);
            nodes.Add(new NodeEntitiesInfo(ns, name, ReadGids(ref reader, gidSize, "reader_gid_seq"), ReadGids(ref reader, gidSize, "writer_gid_seq")));
        }

        return (participant, nodes);
    }

    private static List<DdsGid> ReadGids(ref CdrReader reader, int gidSize, string field)
    {
        int count = reader.ReadSequenceLength(field, gidSize);
        var gids = new List<DdsGid>(count);
        for (int i = 0; i < count; i++)
        {
            gids.Add(ReadGid(ref reader, gidSize, field));
        }

        return gids;
    }

    private static DdsGid ReadGid(ref CdrReader reader, int gidSize, string field)
    {
        Span<byte> bytes = stackalloc byte[24];
        reader.ReadPrimitiveArray(bytes[..gidSize], field);
        return new DdsGid(bytes[..16]);
    }

    private static void WriteGid(ref CdrWriter writer, RosDistro distro, DdsGid gid)
    {
        Span<byte> bytes = stackalloc byte[24];
        bytes.Clear();
        gid.CopyTo(bytes);
        writer.WritePrimitiveArray<byte>(bytes[..distro.GidSize()], "gid");
    }
}
