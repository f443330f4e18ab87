using System.Buffers;

namespace PhysicalAI.Sim.Rendering;

/// <summary>
/// A write-only stream that cuts what is written into IDAT chunks of up to 64 KiB on the output stream. A chunk's
/// length comes before its data, so the zlib stream cannot write to the output directly; cutting it into chunks
/// avoids holding the whole compressed image in memory.
/// </summary>
internal sealed class IdatChunkStream : Stream
{
    private const int ChunkCapacity = 64 * 1024;

    private readonly Stream _output;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(ChunkCapacity);
    private int _count;

    /// <summary>Starts writing IDAT chunks to <paramref name="output"/>, which is left open.</summary>
    public IdatChunkStream(Stream output) => _output = output;

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => _buffer is not null;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        while (!buffer.IsEmpty)
        {
            int take = Math.Min(buffer.Length, ChunkCapacity - _count);
            buffer[..take].CopyTo(_buffer.AsSpan(_count));
            _count += take;
            buffer = buffer[take..];
            if (_count == ChunkCapacity)
            {
                EmitChunk();
            }
        }
    }

    /// <summary>Does nothing: a chunk is only emitted when full or at the end, to keep chunks few and large.</summary>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Emits what is left as the last IDAT chunk.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is not null)
        {
            if (_count > 0)
            {
                EmitChunk();
            }

            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        base.Dispose(disposing);
    }

    private void EmitChunk()
    {
        PngChunk.Write(_output, "IDAT"u8, _buffer.AsSpan(0, _count));
        _count = 0;
    }
}
