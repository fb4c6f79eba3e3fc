using Decryptor.Index;
using Decryptor.Keys;
using Decryptor.Output;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.Corpus;

/// <summary>
/// Every Common Encryption and PIFF file of the corpus decrypts to its source, sample for
/// sample, with the manifest's keys and with the GPAC key file alone, through the access-unit
/// reader and through the clear file read back by this project and by FFmpeg.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CommonEncryptionCorpusTests
{
    private static IEnumerable<CorpusEntry> All => CorpusCases.CommonEncryption;

    private static IEnumerable<CorpusEntry> WithDrmXml => CorpusCases.CommonEncryptionWithDrmXml;

    [TestCaseSource(nameof(All))]
    public void Samples_equal_source_with_manifest_keys(CorpusEntry entry)
    {
        using var index = MovieIndex.Open(entry.FullPath);

        var actual = ClearSamples.Hash(index, new KeyResolver(CorpusCases.ManifestKeys(entry)));

        ClearSamples.AssertEqual(CorpusCases.Expected(entry), actual, entry.File);
    }

    [TestCaseSource(nameof(WithDrmXml))]
    public void Samples_equal_source_with_drm_xml_keys_alone(CorpusEntry entry)
    {
        var keyFile = GpacDrmKeyFile.Load(CorpusPaths.Resolve(entry.DrmXml!));
        using var index = MovieIndex.Open(entry.FullPath);

        var actual = ClearSamples.Hash(index, new KeyResolver(keyFile.ToKeyProvider()));

        ClearSamples.AssertEqual(CorpusCases.Expected(entry), actual, entry.File);
    }

    [TestCaseSource(nameof(All))]
    public void Decrypted_file_reads_back_as_source_by_project_and_ffmpeg(CorpusEntry entry)
    {
        var output = Path.Combine(Path.GetTempPath(), $"decryptor-{Guid.NewGuid():N}.mp4");
        try
        {
            using (var index = MovieIndex.Open(entry.FullPath))
            {
                ClearFileWriter.Write(index, new KeyResolver(CorpusCases.ManifestKeys(entry)),
                    output);
            }

            // No keys at all: the written file must hold no protection any more.
            using (var clear = MovieIndex.Open(output))
            {
                Assert.That(clear.Tracks.Select(t => t.Protection), Has.All.Null);
                Assert.That(clear.ProtectionSystemHeaders, Is.Empty);
                var noKeys = new KeyResolver(new StaticKeyProvider());
                ClearSamples.AssertEqual(CorpusCases.Expected(entry),
                    ClearSamples.Hash(clear, noKeys), $"{entry.File} read back");
            }

            ClearSamples.AssertEqual(CorpusCases.Expected(entry),
                FfmpegTool.FrameMd5Of(output), $"{entry.File} read back by ffmpeg");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [TestCaseSource(nameof(All))]
    public void Clear_view_is_the_same_whatever_the_read_sizes(CorpusEntry entry)
    {
        using var index = MovieIndex.Open(entry.FullPath);
        var keys = new KeyResolver(CorpusCases.ManifestKeys(entry));
        using var whole = new Decryption.SampleDecryptor(index, keys);
        using var pieces = new Decryption.SampleDecryptor(index, keys);
        using var wholeView = new ClearMp4Stream(index, whole);
        using var pieceView = new ClearMp4Stream(index, pieces);
        var expected = new byte[wholeView.Length];
        wholeView.ReadExactly(expected);

        // Odd, small windows cut most samples, exercising the partial-sample path.
        var random = new Random(entry.File.Length);
        var actual = new byte[pieceView.Length];
        for (var at = 0; at < actual.Length;)
        {
            var want = Math.Min(random.Next(1, 9000), actual.Length - at);
            at += pieceView.Read(actual, at, want);
        }

        Assert.That(pieceView.Length, Is.EqualTo(index.Source.Length), "offsets are kept");
        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(All))]
    public void Missing_key_is_a_typed_error_naming_kid_and_track(CorpusEntry entry)
    {
        using var index = MovieIndex.Open(entry.FullPath);
        using var reader = new AccessUnitReader(index, new KeyResolver(new StaticKeyProvider()));
        var track = index.Tracks[0];

        var error = Assert.Throws<ContentKeyNotFoundException>(
            () => reader.ReadTrack(track.TrackId).ToList())!;

        Assert.That(error.TrackId, Is.EqualTo(track.TrackId));
        Assert.That(error.KeyId, Is.Not.Null);
        Assert.That(error.Message, Does.Contain(error.KeyId.ToString()));
        foreach (var key in entry.Tracks.SelectMany(t => t.AllKeys))
        {
            Assert.That(error.Message, Does.Not.Contain(key.Key));
        }
    }
}
