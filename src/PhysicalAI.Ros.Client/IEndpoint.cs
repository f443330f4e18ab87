using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client;

/// <summary>What an executor can wait for on behalf of an endpoint.</summary>
internal enum EndpointEvent
{
    /// <summary>Samples to take.</summary>
    Data,

    /// <summary>A peer with incompatible QoS was found.</summary>
    IncompatibleQos,
}

/// <summary>A publisher, subscription, service or client as the node, the graph and the executor see it.</summary>
internal interface IEndpoint
{
    /// <summary>GIDs of the DDS readers it owns (announced on ros_discovery_info).</summary>
    IEnumerable<DdsGid> ReaderGids { get; }

    /// <summary>GIDs of the DDS writers it owns.</summary>
    IEnumerable<DdsGid> WriterGids { get; }

    /// <summary>Entities to attach to an executor's wait set, with what each one signals.</summary>
    IEnumerable<(DdsEntity Entity, EndpointEvent Event)> WaitEntities { get; }

    /// <summary>Handles a triggered wait entity on the executor thread.</summary>
    void Handle(EndpointEvent triggered);

    /// <summary>Deletes the DDS entities (the node is going away).</summary>
    void DisposeEntity();
}
