namespace PhysicalAI.Ros.Interfaces.Generator.Model;

/// <summary>A message as parsed from a .msg file, or one half of a .srv file.</summary>
/// <param name="Package">ROS package, such as <c>sensor_msgs</c>.</param>
/// <param name="Subfolder"><c>msg</c> or <c>srv</c>.</param>
/// <param name="Name">Type name: <c>JointState</c>, or <c>Trigger_Request</c> for a service half.</param>
/// <param name="Fields">Fields in declaration order.</param>
/// <param name="Constants">Constants in declaration order.</param>
/// <param name="Comment">The comment block that describes the whole message.</param>
/// <param name="FilePath">Source file, for diagnostics.</param>
internal sealed record MessageSpec(
    string Package,
    string Subfolder,
    string Name,
    EquatableArray<FieldSpec> Fields,
    EquatableArray<ConstantSpec> Constants,
    string Comment,
    string FilePath)
{
    /// <summary><c>pkg/msg/Name</c>, the name ROS tools and type descriptions use.</summary>
    public string RosName => Package + "/" + Subfolder + "/" + Name;
}
