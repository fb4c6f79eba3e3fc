namespace Decryptor.IsoBmff;

/// <summary>
/// Two seekable streams read as one, the first followed by the second: an init segment and a
/// media segment form one fragmented file.
/// </summary>
public sealed class ConcatenatedStream(Stream first, Stream second) : Stream
{
    private readonly long _firstLength = first.Length;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _firstLength + second.Length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(value), "A position is not negative.");
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (buffer.Length > 0 && _position < Length)
        {
            var (stream, start) = _position < _firstLength
                ? (first, _position)
                : (second, _position - _firstLength);
            var limit = _position < _firstLength ? _firstLength - _position : Length - _position;
            stream.Position = start;
            var n = stream.Read(buffer[..(int)Math.Min(buffer.Length, limit)]);
            if (n == 0)
            {
                break;
            }

            _position += n;
            total += n;
            buffer = buffer[n..];
        }

        return total;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        return _position;
    }

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
            first.Dispose();
            second.Dispose();
        }

        base.Dispose(disposing);
    }
}
