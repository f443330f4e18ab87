using PhysicalAI.Ros.Dds;

namespace PhysicalAI.Ros.Client.Qos;

/// <summary>
/// DDS's requested-versus-offered rules for the policies ROS uses: a writer matches a reader only if it
/// offers at least what the reader requests (reliability, durability, deadline, liveliness).
/// </summary>
public static class QosCompatibility
{
    /// <summary>The policies on which <paramref name="offered"/> (a writer) fails <paramref name="requested"/> (a reader); empty when they match.</summary>
    public static IReadOnlyList<DdsQosPolicy> Incompatibilities(DdsQos offered, DdsQos requested)
    {
        var failed = new List<DdsQosPolicy>();
        if (offered.Reliability < requested.Reliability)
        {
            failed.Add(DdsQosPolicy.Reliability);
        }

        if (offered.Durability < requested.Durability)
        {
            failed.Add(DdsQosPolicy.Durability);
        }

        if (Longer(offered.Deadline, requested.Deadline))
        {
            failed.Add(DdsQosPolicy.Deadline);
        }

        if (offered.Liveliness < requested.Liveliness || Longer(offered.LeaseDuration, requested.LeaseDuration))
        {
            failed.Add(DdsQosPolicy.Liveliness);
        }

        return failed;
    }

    // Null is infinite.
    private static bool Longer(TimeSpan? a, TimeSpan? b) => b is not null && (a is null || a.Value > b.Value);
}
