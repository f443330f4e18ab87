namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>A service: its request and response messages, named <c>S_Request</c> and <c>S_Response</c>.</summary>
internal sealed record ServiceSpec(string Package, string Name, MessageSpec Request, MessageSpec Response, string Comment, string FilePath)
{
    public string RosName => Package + "/srv/" + Name;
}
