using Decryptor.IsoBmff;

namespace Decryptor.Protection;

/// <summary>
/// `sgpd` (ISO/IEC 14496-12 §8.9.3) of grouping type `seig`; other grouping types are read
/// only for their type so that they can be told apart.
/// </summary>
public sealed record SampleGroupDescriptionBox(
    FourCC GroupingType, IReadOnlyList<CencSampleEncryptionInformationGroupEntry> SeigEntries)
{
    public static SampleGroupDescriptionBox Parse(ref BoxDataReader reader)
    {
        var (version, _) = reader.ReadFullBoxHeader();
        var groupingType = reader.ReadFourCC("grouping_type");
        if (groupingType != CencSampleEncryptionInformationGroupEntry.GroupingType)
        {
            return new SampleGroupDescriptionBox(groupingType, []);
        }

        var defaultLength = version == 1 ? reader.ReadUInt32("default_length") : 0;
        if (version >= 2)
        {
            reader.ReadUInt32("default_sample_description_index");
        }

        var count = reader.ReadEntryCount("entry_count", 20);
        var entries = new CencSampleEncryptionInformationGroupEntry[count];
        for (var i = 0; i < count; i++)
        {
            var length = version == 1 && defaultLength == 0
                ? reader.ReadUInt32("description_length")
                : defaultLength;
            var start = reader.Position;
            entries[i] = CencSampleEncryptionInformationGroupEntry.Parse(ref reader);
            var used = reader.Position - start;
            if (length != 0 && length < used)
            {
                throw reader.Malformed("description_length",
                    $"entry {i + 1} is {length} bytes long but its fields take {used}");
            }

            if (length > used)
            {
                reader.Skip((int)Math.Min(length - (uint)used, int.MaxValue), "seig padding");
            }
        }

        return new SampleGroupDescriptionBox(groupingType, entries);
    }
}
