namespace Decryptor.IsoBmff;

/// <summary>
/// Two seekable streams read as one, the first followed by the second: an init segment and a
/// media segment form one fragmented file.
/// </summary>
public sealed class ConcatenatedStream(Stream first, Stream second) : ReadOnlySeekableStream
{
    private readonly long _firstLength = first.Length;

    public override long Length => _firstLength + second.Length;

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (buffer.Length > 0 && Position < Length)
        {
            var position = Position;
            var (stream, start) = position < _firstLength
                ? (first, position)
                : (second, position - _firstLength);
            var limit = position < _firstLength ? _firstLength - position : Length - position;
            stream.Position = start;
            var n = stream.Read(buffer[..(int)Math.Min(buffer.Length, limit)]);
            if (n == 0)
            {
                break;
            }

            Position = position + n;
            total += n;
            buffer = buffer[n..];
        }

        return total;
    }

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
