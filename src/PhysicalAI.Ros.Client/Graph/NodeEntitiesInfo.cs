using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client.Graph;

/// <summary>One node as a participant announces it on <c>ros_discovery_info</c>: its name and its endpoints' GIDs.</summary>
/// <param name="Namespace">Node namespace, starting with '/'.</param>
/// <param name="Name">Node name.</param>
/// <param name="Readers">GIDs of its subscriptions, service request readers and client reply readers.</param>
/// <param name="Writers">GIDs of its publishers, service reply writers and client request writers.</param>
public sealed record NodeEntitiesInfo(string Namespace, string Name, IReadOnlyList<DdsGid> Readers, IReadOnlyList<DdsGid> Writers)
{
    /// <summary>The node's fully qualified name.</summary>
    public string FullyQualifiedName => Namespace == "/" ? "/" + Name : Namespace + "/" + Name;
}
