using System.Collections.Generic;
using System.Text;

namespace PhysicalAI.Ros.Interfaces.Generator.Resolution;

/// <summary>How ROS names become C# names: packages become namespaces, snake_case fields become PascalCase properties.</summary>
internal static class CSharpNames
{
    public const string RootNamespace = "PhysicalAI.Ros.Interfaces";

    /// <summary>Members every generated message already has; a field may not take these names.</summary>
    public static readonly HashSet<string> ReservedMembers = new()
    {
        "RosTypeName", "DdsTypeName", "TypeHash", "MinSerializedSize", "Descriptor", "Measure", "Serialize", "Deserialize",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    /// <summary><c>sensor_msgs</c>, <c>msg</c> → <c>PhysicalAI.Ros.Interfaces.SensorMsgs.Msg</c>.</summary>
    public static string Namespace(string package, string subfolder) =>
        RootNamespace + "." + Pascal(package) + "." + Pascal(subfolder);

    /// <summary><c>frame_id</c> → <c>FrameId</c>, <c>tf2_msgs</c> → <c>Tf2Msgs</c>.</summary>
    public static string Pascal(string snake)
    {
        var sb = new StringBuilder(snake.Length);
        bool upper = true;
        foreach (char c in snake)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    /// <summary>Full C# name of the class for a ROS type name (<c>pkg/msg/Name</c> or <c>pkg/srv/S_Request</c>).</summary>
    public static string FullClassName(string rosName)
    {
        string[] parts = rosName.Split('/');
        string ns = Namespace(parts[0], parts[1]);
        string name = parts[2];
        if (parts[1] == "srv")
        {
            int underscore = name.LastIndexOf('_');
            return "global::" + ns + "." + name.Substring(0, underscore) + "." + name.Substring(underscore + 1);
        }

        return "global::" + ns + "." + name;
    }

    /// <summary><c>pkg/msg/Name</c> → <c>pkg::msg::dds_::Name_</c>, the DDS type name every ROS 2 RMW uses.</summary>
    public static string DdsTypeName(string rosName)
    {
        string[] parts = rosName.Split('/');
        return parts[0] + "::" + parts[1] + "::dds_::" + parts[2] + "_";
    }
}
