using Decryptor.IsoBmff;
using Decryptor.Movie;

namespace Decryptor.Index;

/// <summary>
/// Expands the run-length tables of a `stbl` (ISO/IEC 14496-12 §8.5-8.7) into one row per
/// sample. Every loop is bounded by the sample count of `stsz`, itself bounded by its box.
/// </summary>
internal static class SampleTableExpander
{
    /// <summary>
    /// Adds the samples to <paramref name="table"/>; returns each chunk's first sample.
    /// </summary>
    public static List<int> Expand(SampleTable table, SampleSizeBox sizes,
        SampleToChunkBox sampleToChunk, ChunkOffsetBox chunkOffsets, TimeToSampleBox timeToSample,
        CompositionOffsetBox? compositionOffsets, SyncSampleBox? syncSamples, string trak,
        long stblOffset)
    {
        var sampleCount = (int)Math.Min(sizes.SampleCount, int.MaxValue);
        var chunkStarts = new List<int>();
        var durations = new RunReader<uint>(
            timeToSample.Entries.Select(e => (e.SampleCount, e.SampleDelta)));
        var offsets = new RunReader<int>(
            (compositionOffsets?.Entries ?? []).Select(e => (e.SampleCount, e.SampleOffset)));
        var syncNumbers = syncSamples?.SampleNumbers;
        var nextSync = 0;

        var sample = 0;
        var decodeTime = 0L;
        var entries = sampleToChunk.Entries;
        var chunkCount = chunkOffsets.ChunkOffsets.Length;
        for (var e = 0; e < entries.Length && sample < sampleCount; e++)
        {
            var firstChunk = entries[e].FirstChunk;
            var lastChunk = e + 1 < entries.Length
                ? entries[e + 1].FirstChunk - 1
                : (uint)chunkCount;
            if (firstChunk > chunkCount || lastChunk > chunkCount)
            {
                var culprit = firstChunk > chunkCount ? e : e + 1;
                throw new Mp4FormatException($"{trak}/stsc",
                    sampleToChunk.FirstChunkOffset(culprit), "first_chunk",
                    $"first_chunk {entries[culprit].FirstChunk} is past the {chunkCount} chunks "
                    + "of stco/co64");
            }

            for (var chunk = firstChunk; chunk <= lastChunk && sample < sampleCount; chunk++)
            {
                chunkStarts.Add(sample);
                var position = chunkOffsets.ChunkOffsets[chunk - 1];
                for (var k = 0u; k < entries[e].SamplesPerChunk && sample < sampleCount; k++)
                {
                    var size = sizes[sample];
                    if (size > int.MaxValue)
                    {
                        throw new Mp4FormatException($"{trak}/stsz", stblOffset, "entry_size",
                            $"sample {sample + 1} claims {size} bytes");
                    }

                    var isSync = syncNumbers is null;
                    while (syncNumbers is not null && nextSync < syncNumbers.Length
                        && syncNumbers[nextSync] <= sample + 1)
                    {
                        isSync |= syncNumbers[nextSync++] == sample + 1;
                    }

                    var duration = durations.Next(out var known);
                    if (!known)
                    {
                        throw new Mp4FormatException($"{trak}/stts", stblOffset, "sample_count",
                            $"gives durations for {sample} samples, stsz has {sampleCount}");
                    }

                    table.Add(position, (int)size, decodeTime, offsets.Next(out _), duration,
                        isSync, (int)entries[e].SampleDescriptionIndex, $"{trak}/stsz",
                        sizes.SampleCountOffset);
                    position = checked(position + size);
                    decodeTime = checked(decodeTime + duration);
                    sample++;
                }
            }
        }

        if (sample < sampleCount)
        {
            throw new Mp4FormatException($"{trak}/stsc", stblOffset, "samples_per_chunk",
                $"the chunks hold {sample} samples, stsz has {sampleCount}");
        }

        return chunkStarts;
    }

    /// <summary>Walks (count, value) runs one sample at a time.</summary>
    private sealed class RunReader<T>(IEnumerable<(uint Count, T Value)> runs)
        where T : struct
    {
        private readonly IEnumerator<(uint Count, T Value)> _runs = runs.GetEnumerator();
        private uint _left;
        private T _value;

        public T Next(out bool known)
        {
            while (_left == 0)
            {
                if (!_runs.MoveNext())
                {
                    known = false;
                    return default;
                }

                (_left, _value) = _runs.Current;
            }

            _left--;
            known = true;
            return _value;
        }
    }
}
