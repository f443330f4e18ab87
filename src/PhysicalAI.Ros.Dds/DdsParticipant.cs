using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>
/// A DDS domain participant: ROS 2 uses one per process (per context), shared by all its nodes.
/// Disposing it deletes every reader, writer, condition and wait set created from it.
/// </summary>
public sealed class DdsParticipant : DdsEntity
{
    private readonly uint _domainId;
    private readonly string? _config;

    private DdsParticipant(int entity, uint domainId, string? config)
        : base(entity, $"participant on domain {domainId}")
    {
        _domainId = domainId;
        _config = config;
        Gid = DdsEntityQueries.Guid(entity, Description);
    }

    /// <summary>The participant's GUID; its 12-byte prefix is shared by all its readers and writers.</summary>
    public DdsGid Gid { get; }

    /// <summary>Which libddsc file is in use.</summary>
    public static string? LibraryPath => DdsLibraryResolver.LoadedFrom;

    /// <summary>
    /// Creates a participant on <paramref name="domainId"/>.
    /// </summary>
    /// <param name="domainId">DDS domain id (ROS_DOMAIN_ID).</param>
    /// <param name="config">Cyclone XML configuration for the domain, or null to let Cyclone read <c>CYCLONEDDS_URI</c>.</param>
    /// <param name="userData">Participant USER_DATA (ROS 2 puts <c>enclave=/;</c> there).</param>
    /// <exception cref="DdsLibraryNotFoundException">libddsc is not installed.</exception>
    /// <exception cref="DdsException">Cyclone refused the configuration or the participant.</exception>
    public static unsafe DdsParticipant Create(uint domainId, string? config, ReadOnlySpan<byte> userData)
    {
        DdsLibraryResolver.EnsureLoaded();
        DdsDomain.Acquire(domainId, config);
        try
        {
            var qos = new DdsQos { UserData = userData.IsEmpty ? null : userData.ToArray() };
            void* native = DdsNative.dds_create_qos();
            try
            {
                if (qos.UserData is { } data)
                {
                    fixed (byte* pointer = data)
                    {
                        DdsNative.dds_qset_userdata(native, pointer, (nuint)data.Length);
                    }
                }

                int entity = DdsNative.dds_create_participant(domainId, native, null);
                return new DdsParticipant(entity, domainId, config);
            }
            finally
            {
                DdsNative.dds_delete_qos(native);
            }
        }
        catch
        {
            DdsDomain.Release(domainId, config);
            throw;
        }
    }

    /// <summary>Creates a writer of CDR payloads of DDS type <paramref name="typeName"/> on topic <paramref name="topicName"/>.</summary>
    /// <param name="topicName">DDS topic name.</param>
    /// <param name="typeName">DDS type name.</param>
    /// <param name="qos">Writer QoS.</param>
    /// <param name="batched">Pack writes into shared packets (see <see cref="DdsWriter.Batched"/>).</param>
    public DdsWriter CreateWriter(string topicName, string typeName, DdsQos qos, bool batched = false) => new(this, topicName, typeName, qos, batched);

    /// <summary>Creates a reader of CDR payloads of DDS type <paramref name="typeName"/> on topic <paramref name="topicName"/>.</summary>
    public DdsReader CreateReader(string topicName, string typeName, DdsQos qos) => new(this, topicName, typeName, qos);

    /// <summary>Creates a guard condition: a flag another thread can raise to wake a wait set.</summary>
    public DdsGuardCondition CreateGuardCondition() => new(this);

    /// <summary>Creates a wait set.</summary>
    public DdsWaitSet CreateWaitSet() => new(this);

    /// <summary>Creates a reader of the DDS built-in discovery topics (participants, publications or subscriptions).</summary>
    public DdsDiscoveryReader CreateDiscoveryReader(DdsDiscoveryTopic topic) => new(this, topic);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        bool wasOpen = !IsDisposed;
        base.Dispose(disposing);
        if (disposing && wasOpen)
        {
            DdsDomain.Release(_domainId, _config);
        }
    }
}
