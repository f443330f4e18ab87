namespace PhysicalAI.Ros.Dds;

/// <summary>The DDS built-in topics that describe what is on the network.</summary>
public enum DdsDiscoveryTopic
{
    /// <summary>DCPSParticipant: one sample per participant.</summary>
    Participants,

    /// <summary>DCPSPublication: one sample per writer.</summary>
    Publications,

    /// <summary>DCPSSubscription: one sample per reader.</summary>
    Subscriptions,
}
