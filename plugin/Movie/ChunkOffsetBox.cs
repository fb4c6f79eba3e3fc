using Decryptor.IsoBmff;

namespace Decryptor.Movie;

/// <summary>`stco` / `co64` (ISO/IEC 14496-12 §8.7.5): the file offset of every chunk.</summary>
public sealed record ChunkOffsetBox(long[] ChunkOffsets, long FirstEntryOffset, bool Is64Bit)
{
    public static ChunkOffsetBox Parse(ref BoxDataReader reader, bool is64Bit)
    {
        reader.ReadFullBoxHeader();
        var entrySize = is64Bit ? 8 : 4;
        var count = reader.ReadEntryCount("entry_count", entrySize);
        var firstEntryOffset = reader.Offset;
        var offsets = new long[count];
        for (var i = 0; i < count; i++)
        {
            var offset = is64Bit
                ? reader.ReadUInt64("chunk_offset")
                : reader.ReadUInt32("chunk_offset");
            if (offset > long.MaxValue)
            {
                throw reader.Malformed("chunk_offset", $"offset {offset} is beyond any file");
            }

            offsets[i] = (long)offset;
        }

        return new ChunkOffsetBox(offsets, firstEntryOffset, is64Bit);
    }
}
