using System.Collections.Concurrent;

namespace PhysicalAI.Ros.Interfaces.Description;

/// <summary>
/// Every generated message and service type of the loaded assemblies, by ROS name. Generated code
/// registers its types when its assembly is first used; descriptions are built on first lookup.
/// </summary>
public static class RosTypeRegistry
{
    private static readonly ConcurrentDictionary<string, Lazy<RosMessageDescriptor>> Messages = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<RosServiceDescriptor>> Services = new(StringComparer.Ordinal);

    /// <summary>Registers a message type. Called by generated module initializers.</summary>
    public static void RegisterMessage(string rosTypeName, Func<RosMessageDescriptor> describe) =>
        Messages.TryAdd(rosTypeName, new Lazy<RosMessageDescriptor>(describe));

    /// <summary>Registers a service type. Called by generated module initializers.</summary>
    public static void RegisterService(string rosTypeName, Func<RosServiceDescriptor> describe) =>
        Services.TryAdd(rosTypeName, new Lazy<RosServiceDescriptor>(describe));

    /// <summary>All registered message type names, sorted.</summary>
    public static IReadOnlyList<string> MessageTypeNames => [.. Messages.Keys.Order(StringComparer.Ordinal)];

    /// <summary>All registered service type names, sorted.</summary>
    public static IReadOnlyList<string> ServiceTypeNames => [.. Services.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Finds a message type by <c>pkg/msg/Name</c>, also accepting the short <c>pkg/Name</c> that ROS tools accept.
    /// </summary>
    public static bool TryGetMessage(string rosTypeName, out RosMessageDescriptor descriptor)
    {
        if (Messages.TryGetValue(Normalize(rosTypeName, "msg"), out Lazy<RosMessageDescriptor>? entry))
        {
            descriptor = entry.Value;
            return true;
        }

        descriptor = null!;
        return false;
    }

    /// <summary>Finds a service type by <c>pkg/srv/Name</c> or <c>pkg/Name</c>.</summary>
    public static bool TryGetService(string rosTypeName, out RosServiceDescriptor descriptor)
    {
        if (Services.TryGetValue(Normalize(rosTypeName, "srv"), out Lazy<RosServiceDescriptor>? entry))
        {
            descriptor = entry.Value;
            return true;
        }

        descriptor = null!;
        return false;
    }

    private static string Normalize(string name, string subfolder)
    {
        string[] parts = name.Split('/');
        return parts.Length == 2 ? parts[0] + "/" + subfolder + "/" + parts[1] : name;
    }
}
