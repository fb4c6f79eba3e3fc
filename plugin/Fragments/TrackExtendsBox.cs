using Decryptor.IsoBmff;

namespace Decryptor.Fragments;

/// <summary>`trex` (ISO/IEC 14496-12 §8.8.3): per-track defaults for fragment samples.</summary>
public sealed record TrackExtendsBox(
    uint TrackId,
    uint DefaultSampleDescriptionIndex,
    uint DefaultSampleDuration,
    uint DefaultSampleSize,
    uint DefaultSampleFlags)
{
    public static TrackExtendsBox Parse(ref BoxDataReader reader)
    {
        reader.ReadFullBoxHeader();
        return new TrackExtendsBox(
            reader.ReadUInt32("track_ID"),
            reader.ReadUInt32("default_sample_description_index"),
            reader.ReadUInt32("default_sample_duration"),
            reader.ReadUInt32("default_sample_size"),
            reader.ReadUInt32("default_sample_flags"));
    }
}
