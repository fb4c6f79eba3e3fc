using Decryptor.IsoBmff;

namespace Decryptor.Movie;

/// <summary>`stss` (ISO/IEC 14496-12 §8.6.2): the numbers (from 1) of the sync samples.</summary>
public sealed record SyncSampleBox(uint[] SampleNumbers)
{
    public static SyncSampleBox Parse(ref BoxDataReader reader)
    {
        reader.ReadFullBoxHeader();
        var count = reader.ReadEntryCount("entry_count", 4);
        var numbers = new uint[count];
        for (var i = 0; i < count; i++)
        {
            numbers[i] = reader.ReadUInt32("sample_number");
        }

        return new SyncSampleBox(numbers);
    }
}
