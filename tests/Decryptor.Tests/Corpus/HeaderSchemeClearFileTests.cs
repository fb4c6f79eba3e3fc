using Decryptor.Decryption;
using Decryptor.Index;
using Decryptor.IsoBmff;
using Decryptor.Keys;
using Decryptor.Output;
using Decryptor.Tests.Cli;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.Corpus;

/// <summary>
/// ISMACryp and OMA PDCF files decrypt to clear files whose samples (shorter than the stored
/// ones: header removed, OMA CBC padding stripped) equal the source's, read back by this
/// project with no key and by FFmpeg, through the library and the CLI.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HeaderSchemeClearFileTests
{
    private static readonly FourCC Avc1 = FourCC.Parse("avc1");

    private static IEnumerable<CorpusEntry> All => CorpusCases.HeaderScheme;

    private static IEnumerable<CorpusEntry> WithDrmXml =>
        CorpusCases.HeaderScheme.Where(e => e.DrmXml is not null);

    [Test]
    public void Corpus_has_isma_and_oma_entries()
    {
        Assert.That(All.Select(e => e.Scheme),
            Is.SupersetOf(new[] { "isma", "oma-pdcf-cbc", "oma-pdcf-ctr" }));
    }

    [TestCaseSource(nameof(All))]
    public void Decrypted_file_reads_back_as_source_by_project_and_ffmpeg(CorpusEntry entry)
    {
        var output = TemporaryPath();
        try
        {
            using (var index = MovieIndex.Open(entry.FullPath))
            {
                ClearFileWriter.Write(index,
                    new KeyResolver(CorpusCases.ManifestKeys(entry)), output);
            }

            AssertClearFileIsSource(entry, output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [TestCaseSource(nameof(All))]
    public void Cli_decrypt_with_track_keys_writes_the_source(CorpusEntry entry)
    {
        var output = TemporaryPath();
        try
        {
            var (code, _, stderr) = CliRunner.Run(
                ["decrypt", entry.FullPath, output, .. CorpusCases.ManifestKeyOptions(entry)]);

            Assert.That(code, Is.Zero, stderr);
            AssertClearFileIsSource(entry, output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [TestCaseSource(nameof(WithDrmXml))]
    public void Cli_decrypt_with_keys_xml_alone_writes_the_source(CorpusEntry entry)
    {
        var output = TemporaryPath();
        try
        {
            var (code, _, stderr) = CliRunner.Run("decrypt", entry.FullPath, output,
                "--keys-xml", CorpusPaths.Resolve(entry.DrmXml!));

            Assert.That(code, Is.Zero, stderr);
            ClearSamples.AssertEqual(CorpusCases.Expected(entry), FfmpegTool.FrameMd5Of(output),
                $"{entry.File} read back by ffmpeg");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [TestCaseSource(nameof(All))]
    public void View_is_the_same_whatever_the_read_sizes_and_seeks(CorpusEntry entry)
    {
        using var index = MovieIndex.Open(entry.FullPath);
        var keys = new KeyResolver(CorpusCases.ManifestKeys(entry));
        using var whole = new SampleDecryptor(index, keys);
        using var pieces = new SampleDecryptor(index, keys);
        using var wholeView = ClearMovieView.Open(index, whole);
        using var pieceView = ClearMovieView.Open(index, pieces);
        Assert.That(wholeView, Is.InstanceOf<RewrittenMp4Stream>());
        var expected = new byte[wholeView.Length];
        wholeView.ReadExactly(expected);
        Assert.That(wholeView.Read(new byte[16]), Is.Zero, "nothing after the end");

        // Odd, small windows cut most samples and the new moov.
        var random = new Random(entry.File.Length);
        var actual = new byte[pieceView.Length];
        for (var at = 0; at < actual.Length;)
        {
            var want = Math.Min(random.Next(1, 9000), actual.Length - at);
            at += pieceView.Read(actual, at, want);
        }

        Assert.That(actual, Is.EqualTo(expected));

        // Random seeks, backwards too, land on the same bytes.
        for (var i = 0; i < 200; i++)
        {
            var at = random.NextInt64(0, expected.Length);
            var window = new byte[Math.Min(random.Next(1, 3000), expected.Length - at)];
            pieceView.Position = at;
            pieceView.ReadExactly(window);
            Assert.That(window, Is.EqualTo(expected.AsSpan((int)at, window.Length).ToArray()),
                $"window at {at}");
        }
    }

    [TestCaseSource(nameof(All))]
    public void Clear_file_holds_clear_sizes_in_one_sample_chunks_past_moov(CorpusEntry entry)
    {
        using var protectedIndex = MovieIndex.Open(entry.FullPath);
        var keys = new KeyResolver(CorpusCases.ManifestKeys(entry));
        using var decryptor = new SampleDecryptor(protectedIndex, keys);
        using var view = ClearMovieView.Open(protectedIndex, decryptor);
        using var clear = MovieIndex.Open(new SourceStream(view, leaveOpen: true));

        var moov = clear.TopLevelBoxes.Single(b => b.Type == BoxTypes.Moov);
        foreach (var track in clear.Tracks)
        {
            var stored = protectedIndex.GetTrack(track.TrackId);
            Assert.That(track.Samples.Count, Is.EqualTo(stored.Samples.Count));
            Assert.That(track.Samples.TotalSize, Is.LessThan(stored.Samples.TotalSize),
                $"{track}: headers are gone");
            for (var i = 0; i < track.Samples.Count; i++)
            {
                Assert.That(track.Samples[i].Offset, Is.GreaterThanOrEqualTo(moov.End));
            }
        }
    }

    [Test]
    public void Gpac_264b_sample_entry_reads_as_avc1()
    {
        var entry = CorpusManifest.Default.Entry("encrypted/gpac-isma.mp4");
        var output = TemporaryPath();
        try
        {
            using (var index = MovieIndex.Open(entry.FullPath))
            {
                Assert.That(index.Tracks[0].Protection!.OriginalFormat,
                    Is.EqualTo(AnnexBSample.Format));
                ClearFileWriter.Write(index,
                    new KeyResolver(CorpusCases.ManifestKeys(entry)), output);
            }

            using var clear = MovieIndex.Open(output);
            Assert.That(clear.Tracks[0].SampleEntries[0].Format, Is.EqualTo(Avc1));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Test]
    public void Common_encryption_keeps_the_offset_keeping_view()
    {
        var entry = CorpusCases.CommonEncryption.First();
        using var index = MovieIndex.Open(entry.FullPath);
        using var decryptor = new SampleDecryptor(index,
            new KeyResolver(CorpusCases.ManifestKeys(entry)));

        using var view = ClearMovieView.Open(index, decryptor);

        Assert.That(view, Is.InstanceOf<ClearMp4Stream>());
        Assert.That(view.Length, Is.EqualTo(index.Source.Length));
    }

    [Test]
    public void Fragmented_header_scheme_file_is_refused_naming_moof()
    {
        var entry = CorpusManifest.Default.Entry("encrypted/bento4-isma-iaec.mp4");
        var file = File.ReadAllBytes(entry.FullPath);

        // A lone `moof` (ISO/IEC 14496-12 §8.8.4) holding only its `mfhd` makes it fragmented.
        byte[] moof =
        [
            0, 0, 0, 24, (byte)'m', (byte)'o', (byte)'o', (byte)'f',
            0, 0, 0, 16, (byte)'m', (byte)'f', (byte)'h', (byte)'d', 0, 0, 0, 0, 0, 0, 0, 1,
        ];
        using var index = MovieIndex.Open(new SourceStream(new MemoryStream([.. file, .. moof])));
        using var decryptor = new SampleDecryptor(index,
            new KeyResolver(CorpusCases.ManifestKeys(entry)));

        var error = Assert.Throws<Mp4NotSupportedException>(
            () => ClearMovieView.Open(index, decryptor).Dispose())!;

        Assert.That(error.Box, Is.EqualTo("moof"));
        Assert.That(error.Offset, Is.EqualTo(file.Length));
        Assert.That(error.Message, Does.Contain("iAEC").And.Contain("fragmented"));
    }

    private static void AssertClearFileIsSource(CorpusEntry entry, string output)
    {
        // No keys at all: the written file must hold no protection any more.
        using (var clear = MovieIndex.Open(output))
        {
            Assert.That(clear.Tracks.Select(t => t.Protection), Has.All.Null);
            var noKeys = new KeyResolver(new StaticKeyProvider());
            ClearSamples.AssertEqual(CorpusCases.Expected(entry),
                ClearSamples.Hash(clear, noKeys), $"{entry.File} read back");
        }

        ClearSamples.AssertEqual(CorpusCases.Expected(entry), FfmpegTool.FrameMd5Of(output),
            $"{entry.File} read back by ffmpeg");
    }

    private static string TemporaryPath() =>
        Path.Combine(Path.GetTempPath(), $"decryptor-{Guid.NewGuid():N}.mp4");
}
