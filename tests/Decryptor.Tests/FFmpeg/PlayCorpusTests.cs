using Decryptor.Tests.Cli;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.FFmpeg;

/// <summary>
/// `play --frame-md5` on every protected corpus file decodes the very pictures FFmpeg decodes
/// from the clear source, whatever the scheme.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PlayCorpusTests
{
    private static IEnumerable<CorpusEntry> Entries => FFmpegCorpus.Entries;

    [TestCaseSource(nameof(Entries))]
    public void DecodedFramesMatchTheClearSource(CorpusEntry entry) =>
        CliRunner.AssertPlayDecodesTheSource(CliRunner.Run, entry);

    [Test]
    public void ALoneSegmentPlaysWithItsInit()
    {
        var entry = CorpusManifest.Default.Entry("bento4-cenc-frag.mp4");

        // Bento4 alternates video and audio fragments: the third is the second video one.
        using var split = new SegmentSplitter(entry.FullPath, fragmentNumber: 3);

        var (code, stdout, stderr) = CliRunner.Run(["play", split.SegmentPath, "--quiet",
            "--init", split.InitPath, .. CorpusCases.ManifestKeyOptions(entry)]);

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Match("video frames: [1-9][0-9]*\n"));
        Assert.That(stdout, Does.Contain("decode errors: 0\n"));
    }

    [Test]
    public void AClearFilePlaysWithNoKeys()
    {
        var source = CorpusPaths.Resolve("sources/src-avc-aac.mp4");
        var (code, stdout, stderr) = CliRunner.Run("play", source, "--quiet");

        Assert.That(code, Is.Zero, stderr);
        var expected = FFmpegCorpus.DecodedVideoMd5(source);
        Assert.That(stdout, Does.Contain($"video frames: {expected.Count}\n"));
    }

    [Test]
    public void AnotherBackendIsAUsageError()
    {
        var source = CorpusPaths.Resolve("sources/src-avc-aac.mp4");
        var (code, _, stderr) = CliRunner.Run("play", source, "--backend", "vlc");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("unknown backend 'vlc'"));
    }
}
