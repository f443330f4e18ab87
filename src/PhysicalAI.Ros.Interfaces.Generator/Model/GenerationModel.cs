namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>One generated file's worth of work: a top-level message or a service.</summary>
internal sealed record GenerationModel(MessageModel? Message, ServiceModel? Service)
{
    public string HintName => Message is not null
        ? Message.RosName.Replace('/', '.') + ".g.cs"
        : Service!.RosName.Replace('/', '.') + ".g.cs";
}
