namespace PhysicalAI.Ros.Client.Services;

/// <summary>
/// The service is offered by a node whose middleware cannot answer us: ROS 2 services do not
/// interoperate between rmw_cyclonedds_cpp (which we speak) and rmw_fastrtps_cpp, even between ROS 2
/// nodes, because each puts the request/reply correlation in a different place.
/// </summary>
public sealed class ServiceInteropException(string message) : InvalidOperationException(message);
