using System.Runtime.CompilerServices;

namespace PhysicalAI.Ros.Dds.Interop;

/// <summary><c>dds_guid_t</c>: the 16-byte DDS GUID (12-byte prefix, 4-byte entity id) in wire order.</summary>
[InlineArray(16)]
internal struct DdsGuid
{
    private byte _first;
}
