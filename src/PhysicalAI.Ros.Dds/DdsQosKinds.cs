namespace PhysicalAI.Ros.Dds;

/// <summary>DDS RELIABILITY kind, with Cyclone's values.</summary>
public enum DdsReliability
{
    /// <summary>Samples may be lost; never blocks the writer.</summary>
    BestEffort = 0,

    /// <summary>Samples are repaired; a full history blocks the writer.</summary>
    Reliable = 1,
}

/// <summary>DDS DURABILITY kind, with Cyclone's values.</summary>
public enum DdsDurability
{
    /// <summary>Late joiners get nothing written before they matched.</summary>
    Volatile = 0,

    /// <summary>The writer keeps its history for late joiners.</summary>
    TransientLocal = 1,
}

/// <summary>DDS HISTORY kind, with Cyclone's values.</summary>
public enum DdsHistory
{
    /// <summary>Keep the newest <see cref="DdsQos.Depth"/> samples.</summary>
    KeepLast = 0,

    /// <summary>Keep everything until delivered (reliable writers block instead of dropping).</summary>
    KeepAll = 1,
}

/// <summary>DDS LIVELINESS kind, with Cyclone's values.</summary>
public enum DdsLiveliness
{
    /// <summary>Asserted by the middleware.</summary>
    Automatic = 0,

    /// <summary>Asserted by any write of the participant.</summary>
    ManualByParticipant = 1,

    /// <summary>Asserted by writes of the writer itself.</summary>
    ManualByTopic = 2,
}

/// <summary>DDS QoS policy ids, as reported in incompatible-QoS statuses (<c>DDS_*_QOS_POLICY_ID</c>).</summary>
public enum DdsQosPolicy
{
    Invalid = 0,
    UserData = 1,
    Durability = 2,
    Presentation = 3,
    Deadline = 4,
    LatencyBudget = 5,
    Ownership = 6,
    OwnershipStrength = 7,
    Liveliness = 8,
    TimeBasedFilter = 9,
    Partition = 10,
    Reliability = 11,
    DestinationOrder = 12,
    History = 13,
    ResourceLimits = 14,
    EntityFactory = 15,
    WriterDataLifecycle = 16,
    ReaderDataLifecycle = 17,
    TopicData = 18,
    GroupData = 19,
    TransportPriority = 20,
    Lifespan = 21,
    DurabilityService = 22,
    Property = 23,
    TypeConsistencyEnforcement = 24,
    DataRepresentation = 25,
}
