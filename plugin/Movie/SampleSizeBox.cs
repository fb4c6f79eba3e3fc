using Decryptor.IsoBmff;

namespace Decryptor.Movie;

/// <summary>
/// `stsz` and `stz2` (ISO/IEC 14496-12 §8.7.3): the size of every sample, either one
/// sample_size for all or one entry each.
/// </summary>
public sealed class SampleSizeBox
{
    private readonly uint[]? _entrySizes;

    private SampleSizeBox(uint sampleSize, uint sampleCount, uint[]? entrySizes,
        long sampleCountOffset)
    {
        SampleCountOffset = sampleCountOffset;
        SampleSize = sampleSize;
        SampleCount = sampleCount;
        _entrySizes = entrySizes;
    }

    /// <summary>The size of every sample, or 0 when each has its own entry.</summary>
    public uint SampleSize { get; }

    public uint SampleCount { get; }

    /// <summary>File offset of the sample_count field, which errors about the count name.</summary>
    public long SampleCountOffset { get; }

    public uint this[int index] => _entrySizes is null ? SampleSize : _entrySizes[index];

    public static SampleSizeBox ParseStsz(ref BoxDataReader reader)
    {
        reader.ReadFullBoxHeader();
        var sampleSize = reader.ReadUInt32("sample_size");
        var sampleCountOffset = reader.Offset;
        var sampleCount = reader.ReadUInt32("sample_count");
        if (sampleSize != 0)
        {
            return new SampleSizeBox(sampleSize, sampleCount, null, sampleCountOffset);
        }

        var count = reader.CheckCount(sampleCount, 4, "sample_count", sampleCountOffset);
        var sizes = new uint[count];
        for (var i = 0; i < count; i++)
        {
            sizes[i] = reader.ReadUInt32("entry_size");
        }

        return new SampleSizeBox(0, sampleCount, sizes, sampleCountOffset);
    }

    public static SampleSizeBox ParseStz2(ref BoxDataReader reader)
    {
        reader.ReadFullBoxHeader();
        reader.Skip(3, "reserved");
        var fieldSize = reader.ReadUInt8("field_size");
        if (fieldSize is not (4 or 8 or 16))
        {
            throw reader.Malformed("field_size", $"field_size {fieldSize} is not 4, 8 or 16");
        }

        var sampleCountOffset = reader.Offset;
        var sampleCount = reader.ReadUInt32("sample_count");

        // Two 4-bit entries share a byte; round the byte count up.
        var bytesNeeded = ((ulong)sampleCount * fieldSize + 7) / 8;
        reader.CheckCount(bytesNeeded, 1, "sample_count", sampleCountOffset);
        var sizes = new uint[sampleCount];
        for (var i = 0; i < sizes.Length; i++)
        {
            sizes[i] = fieldSize switch
            {
                16 => reader.ReadUInt16("entry_size"),
                8 => reader.ReadUInt8("entry_size"),
                _ => (uint)(i % 2 == 0
                    ? reader.Rest[0] >> 4
                    : reader.ReadUInt8("entry_size") & 0x0F),
            };
        }

        return new SampleSizeBox(0, sampleCount, sizes, sampleCountOffset);
    }
}
