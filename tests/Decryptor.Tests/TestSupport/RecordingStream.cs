namespace Decryptor.Tests.TestSupport;

/// <summary>
/// A read-only seekable stream over another that records the (offset, count) of every read
/// that reaches it, so tests can prove which bytes a reader touched.
/// </summary>
public sealed class RecordingStream : Stream
{
    private readonly Stream _inner;
    private readonly List<(long Offset, int Count)> _reads = [];
    private readonly Lock _lock = new();

    public RecordingStream(Stream inner)
    {
        _inner = inner;
    }

    /// <summary>A snapshot of the reads so far: where each started and how many bytes.</summary>
    public IReadOnlyList<(long Offset, int Count)> Reads
    {
        get
        {
            lock (_lock)
            {
                return [.. _reads];
            }
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _reads.Clear();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var at = _inner.Position;
        var n = _inner.Read(buffer);
        if (n > 0)
        {
            lock (_lock)
            {
                _reads.Add((at, n));
            }
        }

        return n;
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
