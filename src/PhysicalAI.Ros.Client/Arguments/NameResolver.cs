using PhysicalAI.Ros.Client.Names;

namespace PhysicalAI.Ros.Client.Arguments;

/// <summary>
/// Applies remapping as rcl does: a node's name, then its namespace (matched against the new name), then
/// each topic or service name — expanded, matched against each rule's expanded <c>from</c> (node-local
/// rules first, then global; the first match wins), and validated.
/// </summary>
public sealed class NameResolver(IReadOnlyList<RemapRule> localRules, IReadOnlyList<RemapRule> globalRules)
{
    private IEnumerable<RemapRule> Rules => localRules.Concat(globalRules);

    /// <summary>The node's name after <c>__node:=</c> rules.</summary>
    public string ResolveNodeName(string originalName)
    {
        RemapRule? rule = Rules.FirstOrDefault(r => r.Kind == RemapKind.NodeName && (r.NodeName is null || r.NodeName == originalName));
        return rule?.To ?? originalName;
    }

    /// <summary>The node's namespace after <c>__ns:=</c> rules (matched with the node's new name).</summary>
    public string ResolveNamespace(string nodeName, string originalNamespace)
    {
        RemapRule? rule = Rules.FirstOrDefault(r => r.Kind == RemapKind.Namespace && (r.NodeName is null || r.NodeName == nodeName));
        return rule?.To ?? originalNamespace;
    }

    /// <summary>The fully qualified, remapped name of a topic (or service) as the node writes it.</summary>
    /// <exception cref="NameValidationException">The name, or what a rule makes of it, is invalid.</exception>
    public string ResolveTopicName(string name, string nodeName, string nodeNamespace, bool isService = false)
    {
        NameKind kind = isService ? NameKind.Service : NameKind.Topic;
        string expanded = TopicNameExpander.Expand(name, nodeName, nodeNamespace, kind);
        foreach (RemapRule rule in Rules)
        {
            bool applies = rule.Kind switch
            {
                RemapKind.TopicOrService => true,
                RemapKind.Topic => !isService,
                RemapKind.Service => isService,
                _ => false,
            };
            if (!applies || (rule.NodeName is not null && rule.NodeName != nodeName))
            {
                continue;
            }

            if (TopicNameExpander.Expand(rule.From, nodeName, nodeNamespace, kind) == expanded)
            {
                expanded = TopicNameExpander.Expand(rule.To, nodeName, nodeNamespace, kind);
                break;
            }
        }

        RosNames.ValidateFullTopicName(expanded, isService ? NameKind.Service : NameKind.FullTopic);
        return expanded;
    }
}
