using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.Cli;

/// <summary>
/// The natively compiled `sample-player` on every corpus file: the same samples, clear files
/// and decoded pictures as the source, and the same exit codes as the in-process runs.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PublishedPlayerTests
{
    private static IEnumerable<CorpusEntry> All => CorpusManifest.Default.Entries;

    [TestCaseSource(nameof(All))]
    public void Samples_equal_the_source(CorpusEntry entry)
    {
        var (code, stdout, stderr) = PublishedPlayer.Run(
            ["samples", entry.FullPath, .. CorpusCases.ManifestKeyOptions(entry)]);

        Assert.That(code, Is.Zero, stderr);
        CliRunner.AssertSamplesMatchSource(entry, stdout);
    }

    [TestCaseSource(nameof(All))]
    public void Decrypt_writes_a_clear_file_equal_to_the_source(CorpusEntry entry) =>
        CliRunner.AssertDecryptWritesTheSource(PublishedPlayer.Run, entry);

    [TestCaseSource(nameof(All))]
    public void Play_decodes_the_pictures_of_the_source(CorpusEntry entry) =>
        CliRunner.AssertPlayDecodesTheSource(PublishedPlayer.Run, entry);

    [Test]
    public void A_missing_key_exits_1_with_one_line_on_stderr()
    {
        var entry = CorpusManifest.Default.Entry("encrypted/gpac-cenc.mp4");
        var output = Path.Combine(Path.GetTempPath(), $"native-{Guid.NewGuid():N}.mp4");

        var (code, _, stderr) = PublishedPlayer.Run("decrypt", entry.FullPath, output);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain(entry.Tracks[0].Kid));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void A_wrong_command_line_exits_2_and_help_exits_0()
    {
        var (wrong, _, stderr) = PublishedPlayer.Run("frobnicate");
        var (help, stdout, _) = PublishedPlayer.Run("--help");

        Assert.That(wrong, Is.EqualTo(2));
        Assert.That(stderr, Is.Not.Empty);
        Assert.That(help, Is.Zero);
        Assert.That(stdout, Does.Contain("decrypt"));
    }
}
