using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PhysicalAI.Ros.Interfaces.Generator;

/// <summary>Every diagnostic the generator reports. Messages name the file (through the location) and what to fix.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RosInterfaces";

    public static readonly DiagnosticDescriptor InvalidFileLocation = Error(
        "RIG001",
        "Interface file is not in a package folder",
        "'{0}' must be at <package>/msg/<Name>.msg or <package>/srv/<Name>.srv with a valid package and type name; {1}");

    public static readonly DiagnosticDescriptor MalformedLine = Error(
        "RIG002",
        "Malformed interface line",
        "Malformed line '{0}': {1}");

    public static readonly DiagnosticDescriptor UnknownType = Error(
        "RIG003",
        "Unknown or malformed type",
        "Type '{0}' is not valid: {1}");

    public static readonly DiagnosticDescriptor InvalidName = Error(
        "RIG004",
        "Invalid field or constant name",
        "Invalid {0} name '{1}': {2}");

    public static readonly DiagnosticDescriptor InvalidValue = Error(
        "RIG005",
        "Invalid default or constant value",
        "Invalid value '{0}' for {1} '{2}': {3}");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "RIG006",
        "Name declared twice",
        "'{0}' is declared more than once in {1}");

    public static readonly DiagnosticDescriptor UnresolvedType = Error(
        "RIG007",
        "Referenced type is not defined",
        "Field '{0}' of {1} uses {2}, which is not defined by any interface file in this project; add {3}");

    public static readonly DiagnosticDescriptor ServiceSeparator = Error(
        "RIG008",
        "Service file needs one separator",
        "A .srv file needs exactly one '---' line between request and response; found {0}");

    public static readonly DiagnosticDescriptor RecursiveType = Error(
        "RIG009",
        "Recursive interface type",
        "{0} contains itself through field '{1}'; ROS interface types cannot be recursive");

    public static readonly DiagnosticDescriptor MemberCollision = Error(
        "RIG010",
        "Generated member name collides",
        "'{0}' of {1} becomes the C# member '{2}', which collides with {3}; rename it");

    public static readonly DiagnosticDescriptor DuplicateType = Error(
        "RIG011",
        "Interface type defined twice",
        "{0} is defined twice: here and in '{1}'");

    public static readonly DiagnosticDescriptor MissingServiceEventInfo = Warning(
        "RIG012",
        "Service type hash cannot be computed",
        "The ROS 2 type hash of {0} needs service_msgs/msg/ServiceEventInfo, which no interface file in this project defines; the service type hash is left empty");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = Index(
        InvalidFileLocation, MalformedLine, UnknownType, InvalidName, InvalidValue, DuplicateName,
        UnresolvedType, ServiceSeparator, RecursiveType, MemberCollision, DuplicateType, MissingServiceEventInfo);

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Error(string id, string title, string format) =>
        new(id, title, format, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string format) =>
        new(id, title, format, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var map = new Dictionary<string, DiagnosticDescriptor>();
        foreach (DiagnosticDescriptor d in descriptors)
        {
            map.Add(d.Id, d);
        }

        return map;
    }
}
