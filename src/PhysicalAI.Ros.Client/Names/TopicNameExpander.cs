using System.Text;

namespace PhysicalAI.Ros.Client.Names;

/// <summary>
/// rcl_expand_topic_name: turns a topic or service name as written into a fully qualified one, relative
/// to a node (<c>chatter</c> → <c>/ns/chatter</c>, <c>~/state</c> → <c>/ns/node/state</c>,
/// <c>{node}/x</c> → <c>/ns/node/x</c>).
/// </summary>
public static class TopicNameExpander
{
    /// <summary>Expands <paramref name="name"/> for node <paramref name="nodeName"/> in <paramref name="nodeNamespace"/>.</summary>
    /// <exception cref="NameValidationException">The name (or the node's name or namespace) is invalid, or a substitution is unknown.</exception>
    public static string Expand(string name, string nodeName, string nodeNamespace, NameKind kind = NameKind.Topic)
    {
        RosNames.ValidateTopicName(name, kind);
        RosNames.ValidateNodeName(nodeName);
        RosNames.ValidateNamespace(nodeNamespace);

        if (name[0] == '/' && !name.Contains('{', StringComparison.Ordinal))
        {
            return name;
        }

        string expanded = name;
        if (expanded[0] == '~')
        {
            string nodeFqn = nodeNamespace == "/" ? "/" + nodeName : nodeNamespace + "/" + nodeName;
            expanded = nodeFqn + expanded[1..];
        }

        if (expanded.Contains('{', StringComparison.Ordinal))
        {
            expanded = Substitute(expanded, name, nodeName, nodeNamespace, kind);
        }

        if (expanded[0] != '/')
        {
            expanded = (nodeNamespace == "/" ? "/" : nodeNamespace + "/") + expanded;
        }

        return expanded;
    }

    private static string Substitute(string text, string original, string nodeName, string nodeNamespace, NameKind kind)
    {
        var sb = new StringBuilder(text.Length + 16);
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }

            int close = text.IndexOf('}', open);
            sb.Append(text, i, open - i);
            string key = text[(open + 1)..close];
            sb.Append(key switch
            {
                "node" => nodeName,
                "ns" or "namespace" => nodeNamespace,
                _ => throw new NameValidationException(kind, original, $"unknown substitution: {{{key}}}", original.IndexOf('{' + key + '}', StringComparison.Ordinal)),
            });
            i = close + 1;
        }

        return sb.ToString();
    }
}
