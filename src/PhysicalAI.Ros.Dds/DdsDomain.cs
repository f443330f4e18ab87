using System.Text;
using PhysicalAI.Ros.Dds.Interop;

namespace PhysicalAI.Ros.Dds;

/// <summary>
/// Explicitly configured DDS domains of this process, shared by every participant on the same domain id
/// and deleted with the last of them (deleting a domain deletes all its participants).
/// </summary>
internal static class DdsDomain
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<uint, (int Handle, int Users, string Config)> Domains = [];

    /// <summary>
    /// Makes sure domain <paramref name="domainId"/> exists with <paramref name="config"/> (Cyclone XML),
    /// counting one more user. Without a config the domain is created implicitly by the participant and
    /// Cyclone reads <c>CYCLONEDDS_URI</c> itself.
    /// </summary>
    public static unsafe void Acquire(uint domainId, string? config)
    {
        if (string.IsNullOrEmpty(config))
        {
            return;
        }

        lock (Gate)
        {
            if (Domains.TryGetValue(domainId, out var existing))
            {
                Domains[domainId] = existing with { Users = existing.Users + 1 };
                return;
            }

            byte[] text = Encoding.UTF8.GetBytes(config + "\0");
            int handle;
            fixed (byte* pointer = text)
            {
                handle = DdsNative.dds_create_domain(domainId, pointer);
            }

            if (handle == (int)DdsReturnCode.PreconditionNotMet)
            {
                // Created earlier without a config (an implicit domain); participants share it as it is.
                return;
            }

            DdsException.ThrowIfError(handle, $"create DDS domain {domainId}");
            Domains[domainId] = (handle, 1, config);
        }
    }

    /// <summary>One user of the domain is gone; the last one deletes it.</summary>
    public static void Release(uint domainId, string? config)
    {
        if (string.IsNullOrEmpty(config))
        {
            return;
        }

        lock (Gate)
        {
            if (!Domains.TryGetValue(domainId, out var existing))
            {
                return;
            }

            if (existing.Users > 1)
            {
                Domains[domainId] = existing with { Users = existing.Users - 1 };
                return;
            }

            Domains.Remove(domainId);
            DdsNative.dds_delete(existing.Handle);
        }
    }
}
