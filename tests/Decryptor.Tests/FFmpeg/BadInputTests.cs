using Decryptor.Interop.FFmpeg;
using Decryptor.Keys;
using Decryptor.Tests.Cli;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.FFmpeg;

/// <summary>
/// Damaged files, wrong keys and failing streams end in a typed exception or exit status 1
/// with one line, never a crash: no exception crosses into FFmpeg.
/// </summary>
[TestFixture]
public sealed class BadInputTests
{
    private static CorpusEntry Entry => CorpusManifest.Default.Entry("gpac-cenc.mp4");

    [Test]
    public void ATruncatedProtectedFileExitsWithOneLine()
    {
        var truncated = Path.Combine(Path.GetTempPath(), $"truncated-{Guid.NewGuid():N}.mp4");
        try
        {
            var bytes = File.ReadAllBytes(Entry.FullPath);
            File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);

            var (code, _, stderr) = CliRunner.Run(
                ["play", truncated, "--quiet", .. CorpusCases.ManifestKeyOptions(Entry)]);

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(stderr, Does.StartWith("sample-player: error: "));
        }
        finally
        {
            File.Delete(truncated);
        }
    }

    [Test]
    public void AWrongKeyValueExitsWithDecodeErrors()
    {
        var wrong = Entry.Tracks.SelectMany(t => t.AllKeys)
            .SelectMany(k => new[] { "--key", $"{k.Kid}:{new string('0', 32)}" });

        var (code, _, stderr) = CliRunner.Run(["play", Entry.FullPath, "--quiet", .. wrong]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.TrimEnd(), Does.Match(
            "^sample-player: error: [0-9]+ decode errors \\(wrong key or damaged file\\?\\)$"));
    }

    [Test]
    public void AKeyForAnotherKidNamesTheMissingKid()
    {
        var (code, _, stderr) = CliRunner.Run("play", Entry.FullPath, "--quiet",
            "--key", $"{new string('1', 32)}:{new string('2', 32)}");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain(Entry.Tracks[0].Kid!).IgnoreCase);
    }

    [Test]
    public void AMissingKeyIsTheDecryptorsTypedException()
    {
        var index = Index.MovieIndex.Open(Entry.FullPath);

        void Play()
        {
            using var input = SamplePlayer.Commands.ProtectedInput.Open(index,
                new KeyResolver(new StaticKeyProvider()), null);
            while (input.Input.ReadPacket())
            {
            }
        }

        Assert.That(Play, Throws.InstanceOf<ContentKeyNotFoundException>());
    }

    [Test]
    public void AStreamThatIsNoMovieIsAnFFmpegException()
    {
        var text = string.Concat(Enumerable.Repeat("this is not a movie\n", 500));
        using var stream = new MemoryStream(System.Text.Encoding.ASCII.GetBytes(text));

        var error = Assert.Throws<FFmpegException>(() => FFmpegInput.Open(stream).Dispose());

        Assert.That(error!.Call, Is.EqualTo("avformat_open_input"));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void ATruncatedClearStreamPlaysNothingAndSaysSo()
    {
        var bytes = File.ReadAllBytes(CorpusPaths.Resolve("sources/src-avc-aac.mp4"));
        using var stream = new MemoryStream(bytes[..200]);

        void Play()
        {
            using var input = FFmpegInput.Open(stream);
            SamplePlayer.Commands.MediaPlayback.Play(input, new());
        }

        Assert.That(Play, Throws.InstanceOf<FFmpegException>());
    }

    [Test]
    public void AStreamThatThrowsHasItsExceptionRethrown()
    {
        var bytes = File.ReadAllBytes(CorpusPaths.Resolve("sources/src-avc-aac.mp4"));
        using var stream = new FailingStream(bytes, failAfter: bytes.Length / 2);

        void Play()
        {
            using var input = FFmpegInput.Open(stream);
            while (input.ReadPacket())
            {
            }
        }

        Assert.That(Play, Throws.InstanceOf<IOException>().With.Message.EqualTo("disk gone"));
    }

    /// <summary>A stream whose reads fail once past a position, as a lost disk would.</summary>
    private sealed class FailingStream(byte[] data, int failAfter) : MemoryStream(data)
    {
        public override int Read(Span<byte> buffer) =>
            Position > failAfter ? throw new IOException("disk gone") : base.Read(buffer);
    }
}
