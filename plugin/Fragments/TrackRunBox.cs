using Decryptor.IsoBmff;

namespace Decryptor.Fragments;

/// <summary>
/// `trun` (ISO/IEC 14496-12 §8.8.8): a run of contiguous samples of one fragment.
/// </summary>
public sealed record TrackRunBox(
    uint Flags,
    int? DataOffset,
    uint? FirstSampleFlags,
    TrackRunBox.Sample[] Samples)
{
    public const uint DataOffsetPresent = 0x000001;
    public const uint FirstSampleFlagsPresent = 0x000004;
    public const uint SampleDurationPresent = 0x000100;
    public const uint SampleSizePresent = 0x000200;
    public const uint SampleFlagsPresent = 0x000400;
    public const uint SampleCompositionTimeOffsetsPresent = 0x000800;

    /// <summary>Per-sample fields; a null means "take the default".</summary>
    public readonly record struct Sample(
        uint? Duration, uint? Size, uint? Flags, int CompositionTimeOffset);

    public static TrackRunBox Parse(ref BoxDataReader reader)
    {
        var (_, flags) = reader.ReadFullBoxHeader();
        var sampleCountOffset = reader.Offset;
        var sampleCount = reader.ReadUInt32("sample_count");
        int? dataOffset = (flags & DataOffsetPresent) != 0
            ? reader.ReadInt32("data_offset")
            : null;
        uint? firstSampleFlags = (flags & FirstSampleFlagsPresent) != 0
            ? reader.ReadUInt32("first_sample_flags")
            : null;

        var perSample = 4 * (int)uint.PopCount(flags & 0x000F00);
        if (perSample == 0 && sampleCount > 1 << 24)
        {
            // With no per-sample fields the box size bounds nothing; cap what one run may claim
            // (the index also bounds all samples by the file length).
            throw new Mp4FormatException(reader.Box, sampleCountOffset, "sample_count",
                $"{sampleCount} samples with no per-sample fields is implausible");
        }

        var count = perSample == 0
            ? (int)sampleCount
            : reader.CheckCount(sampleCount, perSample, "sample_count", sampleCountOffset);

        var samples = new Sample[count];
        for (var i = 0; i < count; i++)
        {
            uint? duration = (flags & SampleDurationPresent) != 0
                ? reader.ReadUInt32("sample_duration")
                : null;
            uint? size = (flags & SampleSizePresent) != 0
                ? reader.ReadUInt32("sample_size")
                : null;
            uint? sampleFlags = (flags & SampleFlagsPresent) != 0
                ? reader.ReadUInt32("sample_flags")
                : null;

            // Version 0 declares the offset unsigned; negative values appear there in
            // practice, and no real offset needs the top bit, so both read as signed.
            var compositionOffset = (flags & SampleCompositionTimeOffsetsPresent) != 0
                ? reader.ReadInt32("sample_composition_time_offset")
                : 0;
            samples[i] = new Sample(duration, size, sampleFlags, compositionOffset);
        }

        return new TrackRunBox(flags, dataOffset, firstSampleFlags, samples);
    }
}
