using Decryptor.IsoBmff;

namespace Decryptor.Fragments;

/// <summary>
/// `tfra` (ISO/IEC 14496-12 §8.8.10): sync samples' times and their `moof` offsets.
/// </summary>
public sealed record TrackFragmentRandomAccessBox(
    uint TrackId, TrackFragmentRandomAccessBox.Entry[] Entries)
{
    public readonly record struct Entry(ulong Time, long MoofOffset);

    public static TrackFragmentRandomAccessBox Parse(ref BoxDataReader reader)
    {
        var (version, _) = reader.ReadFullBoxHeader();
        var trackId = reader.ReadUInt32("track_ID");
        var lengths = reader.ReadUInt32("length_size_of_traf_num");
        var trafBytes = (int)(lengths >> 4 & 3) + 1;
        var trunBytes = (int)(lengths >> 2 & 3) + 1;
        var sampleBytes = (int)(lengths & 3) + 1;
        var entrySize = (version == 1 ? 16 : 8) + trafBytes + trunBytes + sampleBytes;
        var count = reader.ReadEntryCount("number_of_entry", entrySize);

        var entries = new Entry[count];
        for (var i = 0; i < count; i++)
        {
            var time = reader.ReadUIntByVersion(version, "time");
            var moofOffset = reader.ReadUIntByVersion(version, "moof_offset");
            if (moofOffset > long.MaxValue)
            {
                throw reader.Malformed("moof_offset", $"offset {moofOffset} is beyond any file");
            }

            reader.Skip(trafBytes + trunBytes + sampleBytes, "traf_number");
            entries[i] = new Entry(time, (long)moofOffset);
        }

        return new TrackFragmentRandomAccessBox(trackId, entries);
    }
}
