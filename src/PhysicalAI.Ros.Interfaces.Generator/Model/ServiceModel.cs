namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>A service ready to emit: its class and the request and response nested in it.</summary>
internal sealed record ServiceModel(
    string Namespace,
    string ClassName,
    string RosName,
    string TypeHash,
    MessageModel Request,
    MessageModel Response,
    string Comment);
