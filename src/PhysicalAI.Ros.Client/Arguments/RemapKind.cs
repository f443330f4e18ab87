namespace PhysicalAI.Ros.Client.Arguments;

/// <summary>What a remapping rule renames.</summary>
public enum RemapKind
{
    /// <summary>Topics and services (<c>from:=to</c>).</summary>
    TopicOrService,

    /// <summary>Topics only (<c>rostopic://from:=to</c>).</summary>
    Topic,

    /// <summary>Services only (<c>rosservice://from:=to</c>).</summary>
    Service,

    /// <summary>The node's namespace (<c>__ns:=/ns</c>).</summary>
    Namespace,

    /// <summary>The node's name (<c>__node:=name</c> or <c>__name:=name</c>).</summary>
    NodeName,
}
