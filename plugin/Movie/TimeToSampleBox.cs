using Decryptor.IsoBmff;

namespace Decryptor.Movie;

/// <summary>`stts` (ISO/IEC 14496-12 §8.6.1.2): runs of samples with the same duration.</summary>
public sealed record TimeToSampleBox(TimeToSampleBox.Entry[] Entries)
{
    public readonly record struct Entry(uint SampleCount, uint SampleDelta);

    public static TimeToSampleBox Parse(ref BoxDataReader reader)
    {
        reader.ReadFullBoxHeader();
        var count = reader.ReadEntryCount("entry_count", 8);
        var entries = new Entry[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = new Entry(reader.ReadUInt32("sample_count"),
                reader.ReadUInt32("sample_delta"));
        }

        return new TimeToSampleBox(entries);
    }
}
