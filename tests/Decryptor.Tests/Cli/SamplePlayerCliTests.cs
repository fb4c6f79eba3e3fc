using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.Cli;

/// <summary>The `sample-player` command-line contract: output format, exit codes, errors.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SamplePlayerCliTests
{
    private static IEnumerable<CorpusEntry> All => CorpusCases.CommonEncryption;

    // `samples` serves every scheme alike: Common Encryption, PIFF, ISMACryp and OMA PDCF.
    private static IEnumerable<CorpusEntry> EveryScheme => CorpusManifest.Default.Entries;

    private static IEnumerable<CorpusEntry> EverySchemeWithDrmXml =>
        EveryScheme.Where(e => e.DrmXml is not null);

    [TestCaseSource(nameof(EveryScheme))]
    public void Samples_prints_one_line_per_clear_sample_equal_to_the_source(CorpusEntry entry)
    {
        var (code, stdout, stderr) = CliRunner.Run(
            ["samples", entry.FullPath, .. CorpusCases.ManifestKeyOptions(entry)]);

        Assert.That(code, Is.Zero, stderr);
        CliRunner.AssertSamplesMatchSource(entry, stdout);
    }

    [TestCaseSource(nameof(EverySchemeWithDrmXml))]
    public void Samples_with_keys_xml_alone(CorpusEntry entry)
    {
        var (code, stdout, stderr) = CliRunner.Run("samples", entry.FullPath, "--keys-xml",
            CorpusPaths.Resolve(entry.DrmXml!));

        Assert.That(code, Is.Zero, stderr);
        CliRunner.AssertSamplesMatchSource(entry, stdout);
    }

    [TestCaseSource(nameof(All))]
    public void Decrypt_writes_a_file_that_ffmpeg_reads_as_the_source(CorpusEntry entry) =>
        CliRunner.AssertDecryptWritesTheSource(CliRunner.Run, entry);

    [Test]
    public void Info_names_scheme_kids_iv_sizes_pattern_and_systems()
    {
        var entry = CorpusManifest.Default.Entry("encrypted/bento4-cbcs-frag.mp4");

        var (code, stdout, _) = CliRunner.Run("info", entry.FullPath);

        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("scheme cbcs"));
        Assert.That(stdout, Does.Contain("pattern 1:9"));
        Assert.That(stdout, Does.Contain("constant IV"));
        foreach (var track in entry.Tracks)
        {
            Assert.That(stdout, Does.Contain($"KID {track.Kid}"));
            Assert.That(stdout, Does.Not.Contain(track.Key), "info needs and shows no key");
        }
    }

    [Test]
    public void Info_lists_rotation_groups()
    {
        var rotation = CorpusCases.CommonEncryption.First(e => e.KeyRotation);
        var (code, stdout, _) = CliRunner.Run("info", rotation.FullPath);

        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("rotation/sample groups"));
        foreach (var key in rotation.Tracks.SelectMany(t => t.AllKeys))
        {
            Assert.That(stdout, Does.Contain(key.Kid));
        }
    }

    [Test]
    public void A_missing_key_exits_1_with_one_line_naming_the_kid()
    {
        var entry = CorpusManifest.Default.Entry("encrypted/gpac-cenc.mp4");
        var output = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.mp4");

        var (code, _, stderr) = CliRunner.Run("decrypt", entry.FullPath, output);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain(entry.Tracks[0].Kid));
        Assert.That(File.Exists(output), Is.False, "no half-written output");
        Assert.That(Directory.GetFiles(Path.GetTempPath(), $".{Path.GetFileName(output)}*"),
            Is.Empty, "no temporary file left behind");
    }

    [Test]
    public void A_malformed_file_exits_1_naming_box_and_offset()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.mp4");
        var bytes = File.ReadAllBytes(CorpusPaths.Resolve("encrypted/gpac-cenc.mp4"));
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);
        try
        {
            var (code, _, stderr) = CliRunner.Run("info", path);

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Match("'[a-z]{4}' box.* at byte [0-9]+"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("")]
    [TestCase("frobnicate x")]
    [TestCase("samples")]
    [TestCase("samples a.mp4 --no-such-option")]
    [TestCase("samples a.mp4 --key")]
    public void A_wrong_command_line_exits_2(string commandLine)
    {
        var (code, _, _) = CliRunner.Run(
            commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.That(code, Is.EqualTo(2));
    }

    [Test]
    public void A_bad_key_option_exits_2_without_echoing_the_key()
    {
        var entry = CorpusManifest.Default.Entry("encrypted/gpac-cenc.mp4");
        var typo = entry.Tracks[0].Key[..31];

        var (code, _, stderr) = CliRunner.Run("samples", entry.FullPath, "--key",
            $"{entry.Tracks[0].Kid}:{typo}");

        Assert.That(code, Is.Not.Zero);
        Assert.That(stderr, Does.Contain("--key"));
        Assert.That(stderr, Does.Not.Contain(typo));
    }

    [Test]
    public void Help_exits_0_and_lists_the_commands_and_key_options()
    {
        var (code, stdout, _) = CliRunner.Run("--help");

        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("samples").And.Contain("decrypt").And.Contain("info"));
        Assert.That(stdout, Does.Contain("--track-key").And.Contain("--keys-xml")
            .And.Contain("--init"));
    }

    [Test]
    public void A_lone_segment_with_its_init_numbers_samples_within_the_segment()
    {
        foreach (var entry in CorpusCases.CommonEncryptionFragmented)
        {
            using var split = new SegmentSplitter(entry.FullPath, fragmentNumber: 2);

            var (code, stdout, stderr) = CliRunner.Run(["samples", split.SegmentPath,
                "--init", split.InitPath, .. CorpusCases.ManifestKeyOptions(entry)]);

            Assert.That(code, Is.Zero, $"{entry.File}: {stderr}");
            var expected = CorpusCases.Expected(entry);
            var rows = CliRunner.ParseSamples(stdout);
            Assert.That(rows, Is.Not.Empty, entry.File);
            foreach (var (trackId, samples) in rows)
            {
                var stream = entry.Tracks.ToList().FindIndex(t => t.TrackId == trackId);
                var before = split.SamplesBefore[trackId];
                for (var i = 0; i < samples.Count; i++)
                {
                    Assert.That(samples[i].Number, Is.EqualTo(i + 1));
                    Assert.That((samples[i].Size, samples[i].Md5),
                        Is.EqualTo(expected[stream][before + i]), $"{entry.File} track {trackId}");
                }
            }
        }
    }
}
