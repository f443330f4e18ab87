using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Interfaces;

namespace PhysicalAI.Ros.Client.Services;

/// <summary>A typed ROS 2 service client; see <see cref="GenericServiceClient"/> for the protocol and threading.</summary>
public sealed class ServiceClient<TRequest, TResponse> : GenericServiceClient
    where TRequest : class, IRosMessage<TRequest>, new()
    where TResponse : class, IRosMessage<TResponse>, new()
{
    internal ServiceClient(Node node, string name, QosProfile qos)
        : base(node, name, TRequest.Descriptor, TResponse.Descriptor, qos)
    {
    }

    /// <summary>Sends <paramref name="request"/> and waits for the reply.</summary>
    /// <exception cref="ServiceCallException">No reply within <paramref name="timeout"/>, or a malformed reply.</exception>
    /// <exception cref="ServiceInteropException">Only a Fast DDS node offers the service.</exception>
    public async Task<TResponse> CallAsync(TRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        (TResponse)await CallObjectAsync(request, timeout, cancellationToken).ConfigureAwait(false);
}
