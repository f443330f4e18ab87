namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>A message ready to emit.</summary>
/// <param name="Namespace">C# namespace.</param>
/// <param name="ContainingClass">For a service half, the service class it is nested in; else null.</param>
/// <param name="ClassName">C# class name.</param>
/// <param name="RosName"><c>pkg/msg/Name</c> or <c>pkg/srv/S_Request</c>.</param>
/// <param name="DdsName"><c>pkg::msg::dds_::Name_</c>.</param>
/// <param name="TypeHash">RIHS01 hash.</param>
/// <param name="MinSerializedSize">The fewest body bytes one instance can occupy; bounds hostile sequence counts.</param>
/// <param name="Fields">Fields in declaration order.</param>
/// <param name="Constants">Constants in declaration order.</param>
/// <param name="Comment">The message's comment block.</param>
internal sealed record MessageModel(
    string Namespace,
    string? ContainingClass,
    string ClassName,
    string RosName,
    string DdsName,
    string TypeHash,
    int MinSerializedSize,
    EquatableArray<FieldModel> Fields,
    EquatableArray<ConstantSpec> Constants,
    string Comment)
{
    public string FullName => "global::" + Namespace + "." + (ContainingClass is null ? string.Empty : ContainingClass + ".") + ClassName;
}
