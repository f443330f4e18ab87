namespace PhysicalAI.Ros.Dds.Interop;

/// <summary>
/// The prefix of <c>struct nn_rdata</c> that describes one received fragment; the bytes it holds are
/// [<see cref="Min"/>, <see cref="MaxP1"/>) of the sample, stored at <see cref="RmsgSize"/> + <see cref="PayloadZoff"/> past <see cref="Rmsg"/>.
/// </summary>
internal unsafe struct NnRdata
{
    /// <summary><c>sizeof(struct nn_rmsg)</c>: a fragment's bytes are addressed from the end of its rmsg header.</summary>
    public const int RmsgSize = 48;

    public byte* Rmsg;
    public NnRdata* NextFrag;
    public uint Min;
    public uint MaxP1;
    public ushort SubmsgZoff;
    public ushort PayloadZoff;
    public ushort KeyhashZoff;
}
