namespace PhysicalAI.Ros.Client;

/// <summary>How a subscription delivers messages.</summary>
public sealed record SubscriptionOptions
{
    /// <summary>
    /// Deserialize every message into one instance, reusing its arrays and strings, so receiving the same
    /// shape again allocates nothing. The callback must not keep the message beyond the call.
    /// </summary>
    public bool ReuseMessage { get; init; }

    /// <summary>
    /// Run the callback on Cyclone's receive thread as soon as data arrives, instead of on the node's
    /// executor: no thread hand-off, so lower latency and higher throughput. The callback then runs
    /// concurrently with the executor's callbacks and must be quick and thread-safe.
    /// </summary>
    public bool DeliverOnReceiveThread { get; init; }

    /// <summary>Ignore messages published by this process's own participant.</summary>
    public bool IgnoreLocalPublications { get; init; }
}
