using Decryptor.IsoBmff;

namespace Decryptor.Output;

/// <summary>
/// Writes the sample table boxes that give every sample its own size and its own chunk:
/// `stsz`, `stsc` and `stco`/`co64` (ISO/IEC 14496-12 §8.7.3 to §8.7.5).
/// </summary>
internal static class SampleTableBoxWriter
{
    /// <summary>`stsz` with sample_size 0 and one entry_size per sample (§8.7.3.2).</summary>
    public static void WriteSampleSizes(BoxWriter writer, ReadOnlySpan<int> sizes,
        long originalOffset)
    {
        var start = writer.Begin(BoxTypes.Stsz);
        writer.WriteFullBoxHeader(0, 0);
        writer.WriteUInt32(0);
        writer.WriteUInt32((uint)sizes.Length);
        foreach (var size in sizes)
        {
            writer.WriteUInt32((uint)size);
        }

        writer.End(start, originalOffset);
    }

    /// <summary>
    /// `stsc` for one sample per chunk (§8.7.4): chunk n holds sample n, so an entry is needed
    /// only where the sample description index changes.
    /// </summary>
    public static void WriteOneSamplePerChunk(BoxWriter writer,
        ReadOnlySpan<int> descriptionIndexes, long originalOffset)
    {
        var runs = new List<(uint FirstChunk, uint DescriptionIndex)>();
        for (var i = 0; i < descriptionIndexes.Length; i++)
        {
            var index = (uint)descriptionIndexes[i];
            if (runs.Count == 0 || runs[^1].DescriptionIndex != index)
            {
                runs.Add(((uint)i + 1, index));
            }
        }

        var start = writer.Begin(BoxTypes.Stsc);
        writer.WriteFullBoxHeader(0, 0);
        writer.WriteUInt32((uint)runs.Count);
        foreach (var (firstChunk, index) in runs)
        {
            writer.WriteUInt32(firstChunk);
            writer.WriteUInt32(1);
            writer.WriteUInt32(index);
        }

        writer.End(start, originalOffset);
    }

    /// <summary>`stco`, or `co64` when <paramref name="wide"/> (§8.7.5).</summary>
    public static void WriteChunkOffsets(BoxWriter writer, ReadOnlySpan<long> offsets,
        bool wide, long originalOffset)
    {
        var start = writer.Begin(wide ? BoxTypes.Co64 : BoxTypes.Stco);
        writer.WriteFullBoxHeader(0, 0);
        writer.WriteUInt32((uint)offsets.Length);
        foreach (var offset in offsets)
        {
            if (wide)
            {
                writer.WriteUInt64((ulong)offset);
            }
            else
            {
                writer.WriteUInt32(checked((uint)offset));
            }
        }

        writer.End(start, originalOffset);
    }

    /// <summary>Whether any offset needs `co64`.</summary>
    public static bool NeedsWideOffsets(ReadOnlySpan<long> offsets)
    {
        foreach (var offset in offsets)
        {
            if (offset > uint.MaxValue)
            {
                return true;
            }
        }

        return false;
    }
}
