using System.Buffers.Binary;
using Decryptor.SamplePlayer.Commands;
using Decryptor.Tests.Cli;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.FFmpeg;

/// <summary>`play --snapshot N:FILE.png` writes a well-formed PNG of the picture's size.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SnapshotTests
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Test]
    public void SnapshotIsAPngOfTheFrameSize()
    {
        var entry = CorpusManifest.Default.Entry("gpac-cenc.mp4");
        var png = Path.Combine(Path.GetTempPath(), $"snapshot-{Guid.NewGuid():N}.png");
        try
        {
            var (code, _, stderr) = CliRunner.Run(
                ["play", entry.FullPath, "--quiet", "--snapshot", $"10:{png}",
                    .. CorpusCases.ManifestKeyOptions(entry)]);
            Assert.That(code, Is.Zero, stderr);

            var bytes = File.ReadAllBytes(png);
            Assert.That(bytes[..8], Is.EqualTo(Signature));
            Assert.That(bytes[12..16], Is.EqualTo("IHDR"u8.ToArray()));
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), Is.EqualTo(320));
            Assert.That(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)), Is.EqualTo(240));
            var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(29));
            Assert.That(crc, Is.EqualTo(Crc32.Compute(bytes.AsSpan(12, 17))));
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Test]
    public void SnapshotPastTheLastFrameFails()
    {
        var entry = CorpusManifest.Default.Entry("gpac-cenc.mp4");
        var png = Path.Combine(Path.GetTempPath(), $"snapshot-{Guid.NewGuid():N}.png");
        var (code, _, stderr) = CliRunner.Run(
            ["play", entry.FullPath, "--quiet", "--snapshot", $"100000:{png}",
                .. CorpusCases.ManifestKeyOptions(entry)]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("no video frame for the snapshot"));
        Assert.That(File.Exists(png), Is.False);
    }

    [Test]
    public void Crc32MatchesTheKnownCheckValue() =>
        Assert.That(Crc32.Compute("123456789"u8), Is.EqualTo(0xCBF43926u));
}
