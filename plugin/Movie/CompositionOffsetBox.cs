using Decryptor.IsoBmff;

namespace Decryptor.Movie;

/// <summary>
/// `ctts` (ISO/IEC 14496-12 §8.6.1.3): presentation minus decode time per sample.
/// </summary>
public sealed record CompositionOffsetBox(CompositionOffsetBox.Entry[] Entries)
{
    public readonly record struct Entry(uint SampleCount, int SampleOffset);

    public static CompositionOffsetBox Parse(ref BoxDataReader reader)
    {
        reader.ReadFullBoxHeader();
        var count = reader.ReadEntryCount("entry_count", 8);
        var entries = new Entry[count];
        for (var i = 0; i < count; i++)
        {
            // Version 0 declares the offset unsigned, yet muxers write negative offsets there
            // too; read both versions as signed, as common players do.
            entries[i] = new Entry(reader.ReadUInt32("sample_count"),
                reader.ReadInt32("sample_offset"));
        }

        return new CompositionOffsetBox(entries);
    }
}
