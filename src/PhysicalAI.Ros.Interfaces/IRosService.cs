using PhysicalAI.Ros.Interfaces.Description;

namespace PhysicalAI.Ros.Interfaces;

/// <summary>A ROS 2 service type: its request and response messages and its names. Generated for every .srv file.</summary>
/// <typeparam name="TRequest">The request message (<c>S.Request</c>, ROS name <c>pkg/srv/S_Request</c>).</typeparam>
/// <typeparam name="TResponse">The response message (<c>S.Response</c>, ROS name <c>pkg/srv/S_Response</c>).</typeparam>
public interface IRosService<TRequest, TResponse>
    where TRequest : class, IRosMessage<TRequest>, new()
    where TResponse : class, IRosMessage<TResponse>, new()
{
    /// <summary>The name ROS tools use, such as <c>std_srvs/srv/Trigger</c>.</summary>
    static abstract string RosTypeName { get; }

    /// <summary>The RIHS01 type hash of the service as a whole (request, response and event), as ROS 2 Jazzy computes it.</summary>
    static abstract string TypeHash { get; }

    /// <summary>Run-time description of the service for tools.</summary>
    static abstract RosServiceDescriptor Descriptor { get; }
}
