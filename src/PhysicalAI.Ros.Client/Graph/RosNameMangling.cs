namespace PhysicalAI.Ros.Client.Graph;

/// <summary>
/// How ROS names become DDS names and back (rmw_cyclonedds' namespace_prefix and demangle): topics get
/// <c>rt</c>, service requests <c>rq</c>…<c>Request</c>, replies <c>rr</c>…<c>Reply</c>; types
/// <c>pkg/msg/T</c> become <c>pkg::msg::dds_::T_</c>.
/// </summary>
public static class RosNameMangling
{
    /// <summary>DDS topic of a ROS topic (<c>/chatter</c> → <c>rt/chatter</c>).</summary>
    public static string TopicToDds(string rosTopic, bool avoidRosNamespaceConventions = false) =>
        avoidRosNamespaceConventions ? rosTopic : "rt" + rosTopic;

    /// <summary>DDS request topic of a ROS service (<c>/add</c> → <c>rq/addRequest</c>).</summary>
    public static string ServiceRequestToDds(string rosService) => "rq" + rosService + "Request";

    /// <summary>DDS reply topic of a ROS service (<c>/add</c> → <c>rr/addReply</c>).</summary>
    public static string ServiceReplyToDds(string rosService) => "rr" + rosService + "Reply";

    /// <summary>The ROS topic of a DDS topic, or null when it is not a ROS topic.</summary>
    public static string? TopicFromDds(string ddsTopic) =>
        ddsTopic.StartsWith("rt/", StringComparison.Ordinal) ? ddsTopic[2..] : null;

    /// <summary>The ROS service of a DDS request or reply topic, or null.</summary>
    public static string? ServiceFromDds(string ddsTopic)
    {
        if (ddsTopic.StartsWith("rq/", StringComparison.Ordinal) && ddsTopic.EndsWith("Request", StringComparison.Ordinal))
        {
            return ddsTopic[2..^"Request".Length];
        }

        if (ddsTopic.StartsWith("rr/", StringComparison.Ordinal) && ddsTopic.EndsWith("Reply", StringComparison.Ordinal))
        {
            return ddsTopic[2..^"Reply".Length];
        }

        return null;
    }

    /// <summary>
    /// The ROS type of a DDS type name (<c>pkg::msg::dds_::T_</c> → <c>pkg/msg/T</c>), or the DDS name
    /// unchanged when it does not follow the ROS convention (a bare DDS application's type).
    /// </summary>
    public static string TypeFromDds(string ddsType)
    {
        int marker = ddsType.IndexOf("::dds_::", StringComparison.Ordinal);
        if (marker < 0 || !ddsType.EndsWith('_'))
        {
            return ddsType;
        }

        string prefix = ddsType[..marker].Replace("::", "/", StringComparison.Ordinal);
        string name = ddsType[(marker + "::dds_::".Length)..^1];
        return prefix + "/" + name;
    }

    /// <summary>The ROS service type of a request or response DDS type (<c>pkg::srv::dds_::S_Request_</c> → <c>pkg/srv/S</c>).</summary>
    public static string ServiceTypeFromDds(string ddsType)
    {
        string type = TypeFromDds(ddsType);
        foreach (string suffix in new[] { "_Request", "_Response" })
        {
            if (type.EndsWith(suffix, StringComparison.Ordinal))
            {
                return type[..^suffix.Length];
            }
        }

        return type;
    }
}
