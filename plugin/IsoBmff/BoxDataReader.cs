using System.Buffers.Binary;
using System.Text;

namespace Decryptor.IsoBmff;

/// <summary>
/// Reads a box's fields from its in-memory payload. Every read is range-checked here, in one
/// place, and a short read becomes an <see cref="Mp4FormatException"/> naming the box, the
/// field and its absolute file offset.
/// </summary>
public ref struct BoxDataReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly long _baseOffset;
    private int _position;

    public BoxDataReader(ReadOnlySpan<byte> payload, long payloadOffset, string box)
    {
        _data = payload;
        _baseOffset = payloadOffset;
        Box = box;
    }

    public BoxDataReader(ReadOnlySpan<byte> payload, BoxHeader header)
        : this(payload, header.PayloadOffset, header.Type.ToString())
    {
    }

    public string Box { get; }

    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    /// <summary>Absolute file offset of the next byte to read.</summary>
    public readonly long Offset => _baseOffset + _position;

    public readonly ReadOnlySpan<byte> Rest => _data[_position..];

    public byte ReadUInt8(string field) => Take(1, field)[0];

    public ushort ReadUInt16(string field) => BinaryPrimitives.ReadUInt16BigEndian(Take(2, field));

    public uint ReadUInt24(string field)
    {
        var bytes = Take(3, field);
        return (uint)(bytes[0] << 16 | bytes[1] << 8 | bytes[2]);
    }

    public uint ReadUInt32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, field));

    public int ReadInt32(string field) => BinaryPrimitives.ReadInt32BigEndian(Take(4, field));

    public ulong ReadUInt64(string field) => BinaryPrimitives.ReadUInt64BigEndian(Take(8, field));

    public FourCC ReadFourCC(string field) => FourCC.Read(Take(4, field));

    public ReadOnlySpan<byte> ReadBytes(int count, string field) => Take(count, field);

    public void Skip(int count, string field) => Take(count, field);

    /// <summary>Reads a 32- or 64-bit field whose width depends on the box version.</summary>
    public ulong ReadUIntByVersion(byte version, string field) =>
        version == 1 ? ReadUInt64(field) : ReadUInt32(field);

    /// <summary>FullBox (§4.2): 8-bit version and 24-bit flags.</summary>
    public (byte Version, uint Flags) ReadFullBoxHeader()
    {
        var version = ReadUInt8("version");
        var flags = ReadUInt24("flags");
        return (version, flags);
    }

    /// <summary>
    /// Checks that <paramref name="count"/> entries of at least <paramref name="entrySize"/>
    /// bytes fit in what is left of the box, before anything is allocated for them.
    /// </summary>
    public readonly int CheckCount(ulong count, int entrySize, string field) =>
        CheckCount(count, entrySize, field, Offset);

    /// <summary>
    /// As <see cref="CheckCount(ulong, int, string)"/>, for a count read earlier at
    /// <paramref name="fieldOffset"/>, which the error then names.
    /// </summary>
    public readonly int CheckCount(ulong count, int entrySize, string field, long fieldOffset)
    {
        var room = (ulong)Remaining / (ulong)Math.Max(entrySize, 1);
        if (count > room)
        {
            throw new Mp4FormatException(Box, fieldOffset, field,
                $"{count} entries of {entrySize} bytes need more than the {Remaining} "
                + "bytes left in the box");
        }

        return (int)count;
    }

    /// <summary>Reads a 32-bit entry count and checks its entries fit in the box.</summary>
    public int ReadEntryCount(string field, int entrySize)
    {
        var at = Offset;
        return CheckCount(ReadUInt32(field), entrySize, field, at);
    }

    /// <summary>A UTF-8 string ending at a NUL byte or at the end of the box.</summary>
    public string ReadNullTerminatedString(string field)
    {
        var rest = Rest;
        var end = rest.IndexOf((byte)0);
        var text = Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
        _position += end < 0 ? rest.Length : end + 1;
        _ = field;
        return text;
    }

    public readonly Mp4FormatException Malformed(string field, string problem) =>
        new(Box, Offset, field, problem);

    public readonly Mp4NotSupportedException Unsupported(string field, string problem) =>
        new(Box, Offset, field, problem);

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count < 0 || count > Remaining)
        {
            throw Malformed(field,
                $"needs {count} bytes but only {Remaining} are left in the box");
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}
