using Decryptor.IsoBmff;
using Decryptor.Protection;

namespace Decryptor.Index;

/// <summary>Turns `saiz` sizes and `saio` offsets into one location per sample.</summary>
internal static class AuxInfoLayout
{
    /// <summary>
    /// `saio` holds one offset (all samples' information is contiguous) or one per chunk /
    /// `trun` (ISO/IEC 14496-12 §8.7.9), each relative to <paramref name="baseOffset"/>.
    /// </summary>
    public static AuxInfoLocation[] FromSizesAndOffsets(SampleAuxiliaryInformationSizesBox sizes,
        SampleAuxiliaryInformationOffsetsBox offsets, int sampleCount,
        IReadOnlyList<int> runStarts, long baseOffset, string container)
    {
        var perRun = offsets.Offsets.Length > 1;
        if (offsets.Offsets.Length == 0 || perRun && offsets.Offsets.Length != runStarts.Count)
        {
            throw new Mp4FormatException($"{container}/saio", offsets.BoxOffset, "entry_count",
                $"entry_count {offsets.Offsets.Length} is neither 1 nor the {runStarts.Count} "
                + "chunks or runs it would give offsets for");
        }

        var locations = new AuxInfoLocation[sampleCount];
        var run = 0;
        var position = checked(baseOffset + offsets.Offsets[0]);
        for (var i = 0; i < sampleCount; i++)
        {
            if (perRun && run < runStarts.Count && runStarts[run] == i)
            {
                position = checked(baseOffset + offsets.Offsets[run]);
                run++;
            }

            // Bento4 writes sample_count 0 when every entry is empty (constant IV, whole-sample
            // encryption); a sample past the count has no information, and one that needs an
            // IV then fails where its IV is looked for.
            var size = i < sizes.SampleCount ? sizes.SizeOf(i) : 0;
            locations[i] = new AuxInfoLocation(position, size);
            position += size;
        }

        return locations;
    }
}
