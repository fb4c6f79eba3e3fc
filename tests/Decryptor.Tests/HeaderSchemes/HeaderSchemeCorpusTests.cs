using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.Keys;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.HeaderSchemes;

/// <summary>
/// Every ISMACryp and OMA DRM PDCF file of the corpus decrypts to its source (size and MD5 of
/// each sample, per stream) through the library, with the manifest's track keys and with the
/// GPAC key file alone. The command line's `samples` is checked for every scheme in
/// <see cref="Cli.SamplePlayerCliTests"/>.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HeaderSchemeCorpusTests
{
    private static IEnumerable<CorpusEntry> All => HeaderSchemeCases.All;

    private static IEnumerable<CorpusEntry> WithDrmXml => HeaderSchemeCases.WithDrmXml;

    [Test]
    public void Corpus_has_isma_and_both_oma_pdcf_flavours()
    {
        Assert.That(All.Select(e => e.Scheme).Distinct(),
            Is.EquivalentTo(new[] { "isma", "oma-pdcf-cbc", "oma-pdcf-ctr" }));
        Assert.That(WithDrmXml, Is.Not.Empty);
    }

    [TestCaseSource(nameof(All))]
    public void Sample_decryptor_with_manifest_keys_gives_the_source(CorpusEntry entry)
    {
        using var index = MovieIndex.Open(entry.FullPath);

        var actual = HashWithSampleDecryptor(index,
            new KeyResolver(CorpusCases.ManifestKeys(entry)));

        ClearSamples.AssertEqual(CorpusCases.Expected(entry), actual, entry.File);
    }

    [TestCaseSource(nameof(WithDrmXml))]
    public void Sample_decryptor_with_drm_xml_alone_gives_the_source(CorpusEntry entry)
    {
        var keyFile = GpacDrmKeyFile.Load(CorpusPaths.Resolve(entry.DrmXml!));
        using var index = MovieIndex.Open(entry.FullPath);

        var actual = HashWithSampleDecryptor(index, new KeyResolver(keyFile.ToKeyProvider()));

        ClearSamples.AssertEqual(CorpusCases.Expected(entry), actual, entry.File);
    }

    [TestCaseSource(nameof(All))]
    public void Access_unit_reader_with_manifest_keys_gives_the_source(CorpusEntry entry)
    {
        using var index = MovieIndex.Open(entry.FullPath);

        var actual = ClearSamples.Hash(index,
            new KeyResolver(CorpusCases.ManifestKeys(entry)));

        ClearSamples.AssertEqual(CorpusCases.Expected(entry), actual, entry.File);
    }

    [TestCaseSource(nameof(WithDrmXml))]
    public void Access_unit_reader_with_drm_xml_alone_gives_the_source(CorpusEntry entry)
    {
        var keyFile = GpacDrmKeyFile.Load(CorpusPaths.Resolve(entry.DrmXml!));
        using var index = MovieIndex.Open(entry.FullPath);

        var actual = ClearSamples.Hash(index, new KeyResolver(keyFile.ToKeyProvider()));

        ClearSamples.AssertEqual(CorpusCases.Expected(entry), actual, entry.File);
    }

    [TestCaseSource(nameof(All))]
    public void Clear_samples_are_shorter_than_stored_ones_by_their_header(CorpusEntry entry)
    {
        using var index = MovieIndex.Open(entry.FullPath);
        using var decryptor = new SampleDecryptor(index,
            new KeyResolver(CorpusCases.ManifestKeys(entry)));
        foreach (var track in index.Tracks)
        {
            var buffer = new byte[track.Samples.MaxSampleSize];
            for (var i = 0; i < track.Samples.Count; i++)
            {
                var clear = decryptor.ReadClearSample(track, i, buffer);
                Assert.That(clear, Is.LessThan(track.Samples[i].Size),
                    $"{entry.File} track {track.TrackId} sample {i + 1}");
            }
        }
    }

    /// <summary>Per stream, (clear length, MD5) from <see cref="SampleDecryptor"/>.</summary>
    internal static Dictionary<int, List<(int Size, string Md5)>> HashWithSampleDecryptor(
        MovieIndex index, KeyResolver keys)
    {
        using var decryptor = new SampleDecryptor(index, keys);
        var streams = new Dictionary<int, List<(int, string)>>();
        for (var t = 0; t < index.Tracks.Count; t++)
        {
            var track = index.Tracks[t];
            var buffer = new byte[track.Samples.MaxSampleSize];
            var hashes = new List<(int, string)>();
            for (var i = 0; i < track.Samples.Count; i++)
            {
                var size = decryptor.ReadClearSample(track, i, buffer);
                hashes.Add((size, HeaderSchemeCases.Md5(buffer.AsSpan(0, size))));
            }

            streams[t] = hashes;
        }

        return streams;
    }
}
