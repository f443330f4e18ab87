namespace PhysicalAI.Ros.Dds;

/// <summary>
/// A change seen on a built-in discovery topic: an entity appeared (or its QoS changed) or went away.
/// Removals identify the entity by <see cref="InstanceHandle"/> only.
/// </summary>
/// <param name="Alive">False when the entity is gone.</param>
/// <param name="InstanceHandle">Local handle identifying the entity across changes.</param>
/// <param name="Gid">The entity's GUID (default for removals).</param>
/// <param name="ParticipantGid">GUID of the participant it belongs to (the participant itself for participants).</param>
/// <param name="TopicName">DDS topic name; empty for participants.</param>
/// <param name="TypeName">DDS type name; empty for participants.</param>
/// <param name="Qos">The entity's QoS (USER_DATA included).</param>
public sealed record DdsDiscoveredEntity(
    bool Alive,
    ulong InstanceHandle,
    DdsGid Gid,
    DdsGid ParticipantGid,
    string TopicName,
    string TypeName,
    DdsQos Qos);
