using Decryptor.IsoBmff;

namespace Decryptor.Fragments;

/// <summary>
/// `tfhd` (ISO/IEC 14496-12 §8.8.7): the fragment's track, base offset and defaults.
/// </summary>
public sealed record TrackFragmentHeaderBox(
    uint TrackId,
    uint Flags,
    ulong? BaseDataOffset,
    uint? SampleDescriptionIndex,
    uint? DefaultSampleDuration,
    uint? DefaultSampleSize,
    uint? DefaultSampleFlags)
{
    public const uint BaseDataOffsetPresent = 0x000001;
    public const uint SampleDescriptionIndexPresent = 0x000002;
    public const uint DefaultSampleDurationPresent = 0x000008;
    public const uint DefaultSampleSizePresent = 0x000010;
    public const uint DefaultSampleFlagsPresent = 0x000020;
    public const uint DurationIsEmpty = 0x010000;
    public const uint DefaultBaseIsMoof = 0x020000;

    public bool IsDefaultBaseMoof => (Flags & DefaultBaseIsMoof) != 0;

    public static TrackFragmentHeaderBox Parse(ref BoxDataReader reader)
    {
        var (_, flags) = reader.ReadFullBoxHeader();
        var trackId = reader.ReadUInt32("track_ID");
        ulong? baseDataOffset = (flags & BaseDataOffsetPresent) != 0
            ? reader.ReadUInt64("base_data_offset")
            : null;
        uint? Optional(ref BoxDataReader r, uint flag, string field) =>
            (flags & flag) != 0 ? r.ReadUInt32(field) : null;

        var descriptionIndex = Optional(ref reader, SampleDescriptionIndexPresent,
            "sample_description_index");
        var duration = Optional(ref reader, DefaultSampleDurationPresent,
            "default_sample_duration");
        var size = Optional(ref reader, DefaultSampleSizePresent, "default_sample_size");
        var sampleFlags = Optional(ref reader, DefaultSampleFlagsPresent,
            "default_sample_flags");
        return new TrackFragmentHeaderBox(trackId, flags, baseDataOffset, descriptionIndex,
            duration, size, sampleFlags);
    }
}
