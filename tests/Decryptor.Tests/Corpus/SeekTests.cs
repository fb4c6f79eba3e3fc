using Decryptor.Index;
using Decryptor.Keys;
using Decryptor.Output;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.Corpus;

/// <summary>
/// Seeking the access-unit reader lands on a sync sample whose bytes are the source's.
/// </summary>
[TestFixture]
public sealed class SeekTests
{
    [Test]
    public void Seeking_to_random_times_gives_the_source_samples_from_a_sync_sample()
    {
        foreach (var entry in CorpusCases.CommonEncryption)
        {
            using var index = MovieIndex.Open(entry.FullPath);
            using var reader = new AccessUnitReader(index,
                new KeyResolver(CorpusCases.ManifestKeys(entry)));
            var expected = CorpusCases.Expected(entry);
            var random = new Random(7);
            for (var k = 0; k < 5; k++)
            {
                var time = TimeSpan.FromSeconds(random.NextDouble() * 2);
                reader.Seek(time);
                Assert.That(reader.TryReadNext(out var unit), Is.True);
                var stream = index.Tracks.ToList().FindIndex(t => t.TrackId == unit!.TrackId);
                Assert.That(unit!.IsSync, Is.True, $"{entry.File} at {time}");
                Assert.That(unit.DecodeTimeSpan,
                    Is.LessThanOrEqualTo(time + TimeSpan.FromSeconds(0.1)));
                var hash = Convert.ToHexStringLower(
                    System.Security.Cryptography.MD5.HashData(unit.Data.Span));
                Assert.That((unit.Data.Length, hash),
                    Is.EqualTo(expected[stream][unit.SampleNumber - 1]),
                    $"{entry.File} at {time}");
            }
        }
    }

    [Test]
    public void Seeking_a_track_to_a_sample_number_reads_from_that_sample()
    {
        var entry = CorpusManifest.Default.Entry("encrypted/gpac-cenc-keyroll.mp4");
        using var index = MovieIndex.Open(entry.FullPath);
        using var reader = new AccessUnitReader(index,
            new KeyResolver(CorpusCases.ManifestKeys(entry)));
        var expected = CorpusCases.Expected(entry);
        var video = index.Tracks[0];
        foreach (var track in index.Tracks.Skip(1))
        {
            reader.SeekToSample(track.TrackId, track.Samples.Count + 1);
        }

        reader.SeekToSample(video.TrackId, 23);

        var units = new List<AccessUnit>();
        while (reader.TryReadNext(out var unit))
        {
            units.Add(unit!);
        }

        Assert.That(units.Select(u => u.SampleNumber), Is.EqualTo(Enumerable.Range(23, 28)));
        Assert.That(units.Select(u => (u.Data.Length, Convert.ToHexStringLower(
                System.Security.Cryptography.MD5.HashData(u.Data.Span)))),
            Is.EqualTo(expected[0].Skip(22)));
    }
}
