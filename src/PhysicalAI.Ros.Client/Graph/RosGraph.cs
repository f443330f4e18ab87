using PhysicalAI.Ros.Cdr;
using PhysicalAI.Ros.Client.Qos;
using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client.Graph;

/// <summary>
/// What this process knows of the ROS graph: participants, publishers and subscriptions from DDS
/// discovery, and the nodes that own them from <c>ros_discovery_info</c> — the same sources, joined the
/// same way, as rmw_dds_common's graph cache behind <c>ros2 node list</c> and <c>ros2 topic info</c>.
/// </summary>
/// <remarks>Thread-safe. Queries first take whatever discovery has delivered since the last query.</remarks>
public sealed class RosGraph : IDisposable
{
    /// <summary>Node name shown for endpoints no node claims (bare DDS applications).</summary>
    public const string UnknownNodeName = "_NODE_NAME_UNKNOWN_";

    /// <summary>Node namespace shown for endpoints no node claims.</summary>
    public const string UnknownNodeNamespace = "_NODE_NAMESPACE_UNKNOWN_";

    private readonly Lock _gate = new();
    private readonly RosDistro _distro;
    private readonly DdsGid _self;
    private readonly Func<IReadOnlyList<NodeEntitiesInfo>> _localNodes;
    private readonly DdsDiscoveryReader _participants;
    private readonly DdsDiscoveryReader _publications;
    private readonly DdsDiscoveryReader _subscriptions;
    private readonly DdsReader _discoveryInfo;
    private readonly Dictionary<ulong, DdsDiscoveredEntity> _participantsByHandle = [];
    private readonly Dictionary<ulong, DdsDiscoveredEntity> _writersByHandle = [];
    private readonly Dictionary<ulong, DdsDiscoveredEntity> _readersByHandle = [];
    private readonly Dictionary<DdsGid, List<NodeEntitiesInfo>> _remoteNodes = [];
    private int _malformedDiscoveryInfo;

    internal RosGraph(DdsParticipant participant, RosDistro distro, Func<IReadOnlyList<NodeEntitiesInfo>> localNodes)
    {
        _distro = distro;
        _self = participant.Gid;
        _localNodes = localNodes;
        _participants = participant.CreateDiscoveryReader(DdsDiscoveryTopic.Participants);
        _publications = participant.CreateDiscoveryReader(DdsDiscoveryTopic.Publications);
        _subscriptions = participant.CreateDiscoveryReader(DdsDiscoveryTopic.Subscriptions);
        _discoveryInfo = participant.CreateReader(
            ParticipantEntitiesInfoCodec.TopicName,
            ParticipantEntitiesInfoCodec.TypeName,
            new DdsQos
            {
                Reliability = DdsReliability.Reliable,
                Durability = DdsDurability.TransientLocal,
                History = DdsHistory.KeepAll,
                Depth = -1,
                IgnoreLocalParticipant = true,
            });
    }

    /// <summary>Discovery samples on <c>ros_discovery_info</c> that could not be read (another distro's layout, garbage).</summary>
    public int MalformedDiscoveryInfoCount
    {
        get
        {
            lock (_gate)
            {
                return _malformedDiscoveryInfo;
            }
        }
    }

    /// <summary>Every node in the graph, ours included, as (namespace, name), sorted.</summary>
    public IReadOnlyList<(string Namespace, string Name)> GetNodeNames()
    {
        lock (_gate)
        {
            Refresh();
            return AllNodes()
                .Select(n => (n.Namespace, n.Name))
                .Distinct()
                .OrderBy(n => n.Namespace, StringComparer.Ordinal)
                .ThenBy(n => n.Name, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>Every ROS topic with its types (more than one when publishers disagree), sorted by name.</summary>
    public IReadOnlyList<(string Topic, IReadOnlyList<string> Types)> GetTopicNamesAndTypes()
    {
        lock (_gate)
        {
            Refresh();
            return _writersByHandle.Values.Concat(_readersByHandle.Values)
                .Select(e => (Topic: RosNameMangling.TopicFromDds(e.TopicName), Type: RosNameMangling.TypeFromDds(e.TypeName)))
                .Where(t => t.Topic is not null)
                .GroupBy(t => t.Topic!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(t => t.Type).Distinct().Order(StringComparer.Ordinal).ToList()))
                .ToList();
        }
    }

    /// <summary>Every ROS service with its types, from the request and reply topics, sorted by name.</summary>
    public IReadOnlyList<(string Service, IReadOnlyList<string> Types)> GetServiceNamesAndTypes()
    {
        lock (_gate)
        {
            Refresh();
            return _writersByHandle.Values.Concat(_readersByHandle.Values)
                .Select(e => (Service: RosNameMangling.ServiceFromDds(e.TopicName), Type: RosNameMangling.ServiceTypeFromDds(e.TypeName)))
                .Where(t => t.Service is not null)
                .GroupBy(t => t.Service!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(t => t.Type).Distinct().Order(StringComparer.Ordinal).ToList()))
                .ToList();
        }
    }

    /// <summary>The publishers of ROS topic <paramref name="topic"/>.</summary>
    public IReadOnlyList<TopicEndpointInfo> GetPublishersInfo(string topic) => EndpointsOn(RosNameMangling.TopicToDds(topic), EndpointKind.Publisher);

    /// <summary>The subscriptions of ROS topic <paramref name="topic"/>.</summary>
    public IReadOnlyList<TopicEndpointInfo> GetSubscriptionsInfo(string topic) => EndpointsOn(RosNameMangling.TopicToDds(topic), EndpointKind.Subscription);

    /// <summary>Readers or writers on a DDS topic (for services: the request or reply topic).</summary>
    public IReadOnlyList<TopicEndpointInfo> EndpointsOn(string ddsTopic, EndpointKind kind)
    {
        lock (_gate)
        {
            Refresh();
            Dictionary<ulong, DdsDiscoveredEntity> source = kind == EndpointKind.Publisher ? _writersByHandle : _readersByHandle;
            var owners = new Dictionary<DdsGid, NodeEntitiesInfo>();
            foreach (NodeEntitiesInfo node in AllNodes())
            {
                foreach (DdsGid gid in kind == EndpointKind.Publisher ? node.Writers : node.Readers)
                {
                    owners[gid] = node;
                }
            }

            return source.Values
                .Where(e => e.TopicName == ddsTopic)
                .OrderBy(e => e.Gid.ToString(), StringComparer.Ordinal)
                .Select(e =>
                {
                    owners.TryGetValue(e.Gid, out NodeEntitiesInfo? node);
                    UserData.Parse(e.Qos.UserData).TryGetValue("typehash", out string? hash);
                    return new TopicEndpointInfo(
                        node?.Name ?? UnknownNodeName,
                        node?.Namespace ?? UnknownNodeNamespace,
                        RosNameMangling.TypeFromDds(e.TypeName),
                        kind,
                        e.Gid,
                        QosMapping.FromDds(e.Qos),
                        hash ?? string.Empty);
                })
                .ToList();
        }
    }

    /// <summary>The DDS discovery data of the endpoints on a DDS topic, with their participant's GID (vendor detection).</summary>
    public IReadOnlyList<DdsDiscoveredEntity> DiscoveredEndpoints(string ddsTopic, EndpointKind kind)
    {
        lock (_gate)
        {
            Refresh();
            Dictionary<ulong, DdsDiscoveredEntity> source = kind == EndpointKind.Publisher ? _writersByHandle : _readersByHandle;
            return source.Values.Where(e => e.TopicName == ddsTopic).ToList();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _discoveryInfo.Dispose();
        _subscriptions.Dispose();
        _publications.Dispose();
        _participants.Dispose();
    }

    private IEnumerable<NodeEntitiesInfo> AllNodes() => _localNodes().Concat(_remoteNodes.Values.SelectMany(n => n));

    private void Refresh()
    {
        Apply(_participants.TakeChanges(), _participantsByHandle, participantGone: true);
        Apply(_publications.TakeChanges(), _writersByHandle, participantGone: false);
        Apply(_subscriptions.TakeChanges(), _readersByHandle, participantGone: false);
        while (_discoveryInfo.TryTake(out DdsSample sample))
        {
            using (sample)
            {
                if (!sample.IsValid)
                {
                    continue;
                }

                try
                {
                    (DdsGid participant, List<NodeEntitiesInfo> nodes) = ParticipantEntitiesInfoCodec.Read(sample.Payload, _distro);
                    if (!participant.SameParticipant(_self))
                    {
                        _remoteNodes[participant] = nodes;
                    }
                }
                catch (CdrException)
                {
                    _malformedDiscoveryInfo++;
                }
            }
        }
    }

    private void Apply(List<DdsDiscoveredEntity> changes, Dictionary<ulong, DdsDiscoveredEntity> into, bool participantGone)
    {
        foreach (DdsDiscoveredEntity change in changes)
        {
            if (change.Alive)
            {
                into[change.InstanceHandle] = change;
                continue;
            }

            // A participant that leaves takes its nodes with it (rmw_dds_common drops them the same way).
            if (into.Remove(change.InstanceHandle, out DdsDiscoveredEntity? gone) && participantGone)
            {
                foreach (DdsGid key in _remoteNodes.Keys.Where(k => k.SameParticipant(gone.Gid)).ToList())
                {
                    _remoteNodes.Remove(key);
                }
            }
        }
    }
}
