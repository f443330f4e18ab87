namespace PhysicalAI.Ros.Dds;

/// <summary>Receives one sample taken by <see cref="DdsReader.TakeEach"/>: its CDR payload and the local handle of the writer that sent it.</summary>
public delegate void DdsSampleHandler(ReadOnlySpan<byte> payload, ulong publicationHandle);
