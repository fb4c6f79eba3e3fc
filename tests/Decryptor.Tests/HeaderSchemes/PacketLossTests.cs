using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.Keys;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.HeaderSchemes;

/// <summary>
/// ISMACryp and OMA PDCF samples each carry what they need (BSO or IV), so any access unit
/// decrypts alone: with a random 20 % dropped and the rest shuffled, every remaining one is
/// bit-exact, through the file path and, for ISMACryp, through the packet API.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PacketLossTests
{
    private const double LossRate = 0.2;

    private static IEnumerable<CorpusEntry> All => HeaderSchemeCases.All;

    private static IEnumerable<CorpusEntry> IsmaCryp => HeaderSchemeCases.IsmaCryp;

    [TestCaseSource(nameof(All))]
    public void Shuffled_survivors_decrypt_alone_through_a_fresh_sample_decryptor(
        CorpusEntry entry)
    {
        using var index = MovieIndex.Open(entry.FullPath);
        var expected = CorpusCases.Expected(entry);
        using var decryptor = new SampleDecryptor(index,
            new KeyResolver(CorpusCases.ManifestKeys(entry)));
        var random = new Random(20240 + entry.File.Length);

        for (var t = 0; t < index.Tracks.Count; t++)
        {
            var track = index.Tracks[t];
            var survivors = Survivors(random, track.Samples.Count);
            var buffer = new byte[track.Samples.MaxSampleSize];
            foreach (var i in survivors)
            {
                var size = decryptor.ReadClearSample(track, i, buffer);
                Assert.That((size, HeaderSchemeCases.Md5(buffer.AsSpan(0, size))),
                    Is.EqualTo(expected[t][i]),
                    $"{entry.File} track {track.TrackId} sample {i + 1}");
            }
        }
    }

    [TestCaseSource(nameof(IsmaCryp))]
    public void Shuffled_survivors_decrypt_alone_through_the_access_unit_decryptor(
        CorpusEntry entry)
    {
        using var index = MovieIndex.Open(entry.FullPath);
        using var file = File.OpenHandle(entry.FullPath);
        var random = new Random(4242 + entry.File.Length);

        for (var t = 0; t < index.Tracks.Count; t++)
        {
            var track = index.Tracks[t];
            var information = track.Protection!.Sinf.Information;
            var manifestKey = CorpusCases.ManifestKeys(entry);
            var askedIndicators = new List<ulong>();
            ContentKey KeyOf(ulong keyIndicator)
            {
                askedIndicators.Add(keyIndicator);
                Assert.That(manifestKey.TryGetKey(
                    new KeyRequest(track.TrackId, track.Protection.SchemeType, null),
                    out var key), Is.True);
                return key!;
            }

            var salt = information.Salt ?? HeaderSchemeCases.ManifestSalt(entry, track.TrackId);
            using var decryptor = new IsmaCrypAccessUnitDecryptor(information.SampleFormat!,
                KeyOf, salt);
            var expected = HeaderSchemeCases.AccessUnitExpected(entry, index, t);
            foreach (var i in Survivors(random, track.Samples.Count))
            {
                var sample = track.Samples[i];
                var stored = new byte[sample.Size];
                RandomAccess.Read(file, stored, sample.Offset);
                var clear = new byte[sample.Size];

                var length = decryptor.Decrypt(stored, clear);

                Assert.That((length, HeaderSchemeCases.Md5(clear.AsSpan(0, length))),
                    Is.EqualTo(expected[i]),
                    $"{entry.File} track {track.TrackId} access unit {i + 1}");
            }

            Assert.That(askedIndicators, Is.EqualTo(new ulong[] { 0 }),
                "one key asked, for key indicator 0");
        }
    }

    /// <summary>
    /// Drops a random 20 % of <paramref name="count"/> sample indexes and shuffles the rest.
    /// </summary>
    internal static int[] Survivors(Random random, int count)
    {
        var indexes = Enumerable.Range(0, count).ToArray();
        random.Shuffle(indexes);
        var kept = indexes[(int)Math.Round(count * LossRate)..];
        Assert.That(kept, Has.Length.LessThan(count), "some access units are lost");
        return kept;
    }
}
