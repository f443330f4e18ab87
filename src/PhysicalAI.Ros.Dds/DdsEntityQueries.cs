using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>Small entity queries shared by the entity classes.</summary>
internal static unsafe class DdsEntityQueries
{
    public static DdsGid Guid(int entity, string description)
    {
        DdsGuid guid = default;
        DdsException.ThrowIfError(DdsNative.dds_get_guid(entity, &guid), "get GUID of", description);
        return new DdsGid(guid);
    }

    public static ulong InstanceHandle(int entity, string description)
    {
        ulong handle = 0;
        DdsException.ThrowIfError(DdsNative.dds_get_instance_handle(entity, &handle), "get instance handle of", description);
        return handle;
    }

    /// <summary>Creates a topic entity for a CDR-carrying sertype of <paramref name="typeName"/>.</summary>
    public static int CreateTopic(DdsParticipant participant, string topicName, string typeName, out DdsSertype* sertype)
    {
        DdsSertype* created = Serdata.CdrTypeSupport.CreateSertype(typeName);
        DdsSertype* inUse = created;
        byte[] name = System.Text.Encoding.UTF8.GetBytes(topicName + "\0");
        int topic;
        fixed (byte* namePointer = name)
        {
            topic = DdsNative.dds_create_topic_sertype(participant.Entity, namePointer, (void**)&inUse, null, null, null);
        }

        if (topic < 0)
        {
            Serdata.CdrTypeSupport.ReleaseSertype(created);
            DdsException.ThrowIfError(topic, $"create topic '{topicName}' of type '{typeName}'");
        }

        // Cyclone may hand back an equal sertype it already had; serdata must use that one.
        sertype = inUse;
        return topic;
    }
}
