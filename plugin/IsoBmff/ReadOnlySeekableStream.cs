namespace Decryptor.IsoBmff;

/// <summary>
/// The part every read-only, seekable view shares: its position, seeking and the refusal to be
/// written. Subclasses say how long they are and how they read.
/// </summary>
public abstract class ReadOnlySeekableStream : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(value), "A position is not negative.");
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        Read(buffer.AsSpan(offset, count));

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) =>
        throw new NotSupportedException($"A {GetType().Name} is read-only.");

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException($"A {GetType().Name} is read-only.");
}
