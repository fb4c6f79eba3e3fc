using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.IsoBmff;
using Decryptor.Keys;
using Decryptor.Output;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.HeaderSchemes;

/// <summary>
/// Reading one ISMACryp or OMA PDCF sample reads that sample's stored bytes and nothing else:
/// no earlier sample is touched to find its counter or IV, and the result is bit-exact.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SeekWithoutEarlierSamplesTests
{
    private const int TargetsPerTrack = 8;

    private static IEnumerable<CorpusEntry> All => HeaderSchemeCases.All;

    [TestCaseSource(nameof(All))]
    public void Sample_decryptor_reads_only_the_target_sample(CorpusEntry entry)
    {
        var recording = new RecordingStream(File.OpenRead(entry.FullPath));
        using var index = MovieIndex.Open(new SourceStream(recording));
        recording.Clear();
        using var decryptor = new SampleDecryptor(index,
            new KeyResolver(CorpusCases.ManifestKeys(entry)));
        var expected = CorpusCases.Expected(entry);

        ForRandomTargets(entry, index, recording, (track, i) =>
        {
            var buffer = new byte[track.Samples[i].Size];
            var size = decryptor.ReadClearSample(track, i, buffer);
            return (size, HeaderSchemeCases.Md5(buffer.AsSpan(0, size)));
        }, expected);
    }

    [TestCaseSource(nameof(All))]
    public void Access_unit_reader_reads_only_the_target_sample(CorpusEntry entry)
    {
        var recording = new RecordingStream(File.OpenRead(entry.FullPath));
        using var index = MovieIndex.Open(new SourceStream(recording));
        recording.Clear();
        using var reader = new AccessUnitReader(index,
            new KeyResolver(CorpusCases.ManifestKeys(entry)));
        var expected = CorpusCases.Expected(entry);

        ForRandomTargets(entry, index, recording, (track, i) =>
        {
            var unit = reader.ReadSample(track.TrackId, i + 1);
            return (unit.Data.Length, HeaderSchemeCases.Md5(unit.Data.Span));
        }, expected);
    }

    [TestCaseSource(nameof(All))]
    public void Access_unit_reader_reads_only_the_target_sample_bytes(CorpusEntry entry)
    {
        var recording = new RecordingStream(File.OpenRead(entry.FullPath));
        using var index = MovieIndex.Open(new SourceStream(recording));
        recording.Clear();
        using var reader = new AccessUnitReader(index,
            new KeyResolver(CorpusCases.ManifestKeys(entry)));
        var random = new Random(99 + entry.File.Length);

        foreach (var track in index.Tracks)
        {
            for (var k = 0; k < TargetsPerTrack; k++)
            {
                var i = random.Next(track.Samples.Count);
                recording.Clear();

                reader.ReadSample(track.TrackId, i + 1);

                AssertReadsInside(recording.Reads, track.Samples[i],
                    $"{entry.File} track {track.TrackId} sample {i + 1}");
            }
        }
    }

    private static void ForRandomTargets(CorpusEntry entry, MovieIndex index,
        RecordingStream recording, Func<Track, int, (int Size, string Md5)> read,
        Dictionary<int, List<(int Size, string Md5)>> expected)
    {
        var random = new Random(31 + entry.File.Length);
        var targets = new List<(int Stream, int Index)>();
        for (var t = 0; t < index.Tracks.Count; t++)
        {
            // The last sample first: nothing before it may have been read.
            targets.Add((t, index.Tracks[t].Samples.Count - 1));
            for (var k = 1; k < TargetsPerTrack; k++)
            {
                targets.Add((t, random.Next(index.Tracks[t].Samples.Count)));
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(targets));
        foreach (var (t, i) in targets)
        {
            var track = index.Tracks[t];
            var what = $"{entry.File} track {track.TrackId} sample {i + 1}";
            recording.Clear();

            var actual = read(track, i);

            Assert.That(actual, Is.EqualTo(expected[t][i]), what);
            AssertReadsInside(recording.Reads, track.Samples[i], what);
        }
    }

    private static void AssertReadsInside(IReadOnlyList<(long Offset, int Count)> reads,
        Sample sample, string what)
    {
        Assert.That(reads, Is.Not.Empty, $"{what}: its bytes are read");
        foreach (var (offset, count) in reads)
        {
            Assert.That(offset, Is.GreaterThanOrEqualTo(sample.Offset),
                $"{what}: read of {count} bytes at {offset} starts before the sample "
                + $"({sample.Offset}..{sample.Offset + sample.Size})");
            Assert.That(offset + count, Is.LessThanOrEqualTo(sample.Offset + sample.Size),
                $"{what}: read of {count} bytes at {offset} ends past the sample "
                + $"({sample.Offset}..{sample.Offset + sample.Size})");
        }
    }
}
