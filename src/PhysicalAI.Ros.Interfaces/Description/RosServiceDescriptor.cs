namespace PhysicalAI.Ros.Interfaces.Description;

/// <summary>A generated service type described at run time.</summary>
/// <param name="RosTypeName">Name ROS tools use (<c>std_srvs/srv/Trigger</c>).</param>
/// <param name="TypeHash">RIHS01 hash of the service.</param>
/// <param name="Request">The request message.</param>
/// <param name="Response">The response message.</param>
public sealed record RosServiceDescriptor(string RosTypeName, string TypeHash, RosMessageDescriptor Request, RosMessageDescriptor Response);
