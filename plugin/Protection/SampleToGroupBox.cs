using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>`sbgp` (ISO/IEC 14496-12 §8.9.2): runs of samples mapped to a group entry.</summary>
public sealed record SampleToGroupBox(
    FourCC GroupingType, SampleToGroupBox.Entry[] Entries, long EntriesOffset)
{
    public const int EntrySize = 8;

    public readonly record struct Entry(uint SampleCount, uint GroupDescriptionIndex);

    /// <summary>File offset of entry <paramref name="i"/>'s group_description_index.</summary>
    public long GroupDescriptionIndexOffset(int i) => EntriesOffset + EntrySize * i + 4;

    public static SampleToGroupBox Parse(ref BoxDataReader reader)
    {
        var (version, _) = reader.ReadFullBoxHeader();
        var groupingType = reader.ReadFourCC("grouping_type");
        if (version == 1)
        {
            reader.ReadUInt32("grouping_type_parameter");
        }

        var count = reader.ReadEntryCount("entry_count", 8);
        var entriesOffset = reader.Offset;
        var entries = new Entry[count];
        for (var i = 0; i < count; i++)
        {
            entries[i] = new Entry(reader.ReadUInt32("sample_count"),
                reader.ReadUInt32("group_description_index"));
        }

        return new SampleToGroupBox(groupingType, entries, entriesOffset);
    }
}
