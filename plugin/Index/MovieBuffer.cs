using Decryptor.IsoBmff;

namespace Decryptor.Index;

/// <summary>
/// A top-level box (`moov`, `moof`, ...) read whole into memory, addressed by file offsets so
/// that every parsed field keeps its real position.
/// </summary>
internal sealed class MovieBuffer
{
    /// <summary>
    /// The largest metadata box read into memory; a `moov` of a long movie is a few MB.
    /// </summary>
    public const long MaxSize = 256L << 20;

    private readonly byte[] _bytes;

    private MovieBuffer(BoxHeader box, byte[] bytes)
    {
        Box = box;
        _bytes = bytes;
    }

    public BoxHeader Box { get; }

    public static MovieBuffer Read(SourceStream source, BoxHeader box)
    {
        if (box.Size > MaxSize)
        {
            throw new Mp4NotSupportedException(box.Type.ToString(), box.Offset, "size",
                $"a {box.Size}-byte '{box.Type}' box is larger than the {MaxSize} bytes this "
                + "reader holds in memory");
        }

        var bytes = new byte[box.Size];
        source.ReadExactly(box.Offset, bytes);
        return new MovieBuffer(box, bytes);
    }

    public ReadOnlySpan<byte> PayloadOf(BoxHeader box) => Slice(box.PayloadOffset, box.End);

    public ReadOnlySpan<byte> Slice(long start, long end)
    {
        if (start < Box.Offset || end > Box.End || start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(start),
                $"bytes {start}..{end} are outside the '{Box.Type}' box read into memory");
        }

        return _bytes.AsSpan((int)(start - Box.Offset), (int)(end - start));
    }
}
