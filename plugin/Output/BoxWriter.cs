using System.Buffers.Binary;
using Decryptor.IsoBmff;

namespace Decryptor.Output;

/// <summary>
/// Serializes boxes into memory (ISO/IEC 14496-12 §4.2). A box is opened with its type, its
/// content written, and its 32-bit size filled in when it is closed.
/// </summary>
internal sealed class BoxWriter
{
    private byte[] _bytes = new byte[4096];
    private int _length;

    public long Length => _length;

    /// <summary>Starts a box; returns where it starts, for <see cref="End"/>.</summary>
    public long Begin(FourCC type)
    {
        var start = _length;
        WriteUInt32(0);
        WriteUInt32(type.Value);
        return start;
    }

    /// <summary>Closes the box begun at <paramref name="start"/> by writing its size.</summary>
    public void End(long start, long originalOffset)
    {
        var size = _length - start;
        if (size > uint.MaxValue)
        {
            var type = FourCC.Read(_bytes.AsSpan((int)start + 4, 4));
            throw new Mp4NotSupportedException(type.ToString(), originalOffset, "size",
                $"the rewritten box would be {size} bytes, more than a 32-bit size holds");
        }

        BinaryPrimitives.WriteUInt32BigEndian(_bytes.AsSpan((int)start, 4), (uint)size);
    }

    /// <summary>The version and flags of a full box (§4.2.2).</summary>
    public void WriteFullBoxHeader(byte version, uint flags) =>
        WriteUInt32((uint)version << 24 | flags & 0xFFFFFF);

    public void WriteUInt32(uint value) =>
        BinaryPrimitives.WriteUInt32BigEndian(Grow(4), value);

    public void WriteUInt64(ulong value) =>
        BinaryPrimitives.WriteUInt64BigEndian(Grow(8), value);

    public void Write(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Grow(bytes.Length));

    public byte[] ToArray() => _bytes.AsSpan(0, _length).ToArray();

    /// <summary>Makes room for <paramref name="count"/> more bytes and returns them.</summary>
    private Span<byte> Grow(int count)
    {
        if (_bytes.Length - _length < count)
        {
            // A moov is at most MovieBuffer.MaxSize plus its new tables: an int suffices.
            var capacity = Math.Max(_bytes.Length * 2L, _length + (long)count);
            Array.Resize(ref _bytes, (int)Math.Min(capacity, Array.MaxLength));
        }

        var span = _bytes.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
