namespace PhysicalAI.Ros.Client;

/// <summary>How a publisher sends.</summary>
public sealed record PublisherOptions
{
    /// <summary>
    /// Pack messages into shared packets, sent when a packet fills or on <see cref="PublisherBase.Flush"/>
    /// (and when the publisher is disposed). For high-rate streams where throughput matters more than the
    /// latency of each message; call Flush when a burst ends. Other publishers keep sending at once.
    /// </summary>
    public bool BatchWrites { get; init; }
}
