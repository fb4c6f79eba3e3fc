using Decryptor.IsoBmff;

namespace Decryptor.Movie;

/// <summary>`stsc` (ISO/IEC 14496-12 §8.7.4): runs of chunks with the same sample count.</summary>
public sealed record SampleToChunkBox(SampleToChunkBox.Entry[] Entries, long EntriesOffset)
{
    /// <summary>File offset of entry <paramref name="i"/>'s first_chunk.</summary>
    public long FirstChunkOffset(int i) => EntriesOffset + 12L * i;

    public readonly record struct Entry(
        uint FirstChunk, uint SamplesPerChunk, uint SampleDescriptionIndex);

    public static SampleToChunkBox Parse(ref BoxDataReader reader)
    {
        reader.ReadFullBoxHeader();
        var count = reader.ReadEntryCount("entry_count", 12);
        var entriesOffset = reader.Offset;
        var entries = new Entry[count];
        var previousFirstChunk = 0u;
        for (var i = 0; i < count; i++)
        {
            var offset = reader.Offset;
            var firstChunk = reader.ReadUInt32("first_chunk");
            if (firstChunk <= previousFirstChunk)
            {
                throw new Mp4FormatException("stsc", offset, "first_chunk",
                    $"first_chunk {firstChunk} does not increase (previous "
                    + $"{previousFirstChunk}); chunks are numbered from 1");
            }

            previousFirstChunk = firstChunk;
            entries[i] = new Entry(firstChunk, reader.ReadUInt32("samples_per_chunk"),
                reader.ReadUInt32("sample_description_index"));
        }

        return new SampleToChunkBox(entries, entriesOffset);
    }
}
