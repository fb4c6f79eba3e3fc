using Decryptor.Interop.FFmpeg;
using Decryptor.Keys;
using Decryptor.Tests.TestSupport;
using NUnit.Framework;

namespace Decryptor.Tests.FFmpeg;

/// <summary>
/// An app that demuxes the protected file with libavformat itself: packets decrypted through
/// the hook decode to the same pictures as the clear source.
/// </summary>
[TestFixture]
public sealed class PacketHookDecodeTests
{
    private static IEnumerable<CorpusEntry> Demuxable => PacketHookTests.DemuxableEntries;

    [OneTimeSetUp]
    public void RequireFFmpeg()
    {
        if (!FFmpegLibraries.IsAvailable)
        {
            Assert.Ignore("FFmpeg 5.1 libraries missing: apt-get install -y ffmpeg");
        }
    }

    [TestCaseSource(nameof(Demuxable))]
    public void Decoded_pictures_through_the_hook_equal_the_clear_source(CorpusEntry entry)
    {
        uint[] trackIds;
        using (var demuxer = new ProtectedFileDemuxer(entry.FullPath))
        {
            trackIds = [.. demuxer.TrackIds];
        }

        using var input = FFmpegInput.OpenFile(entry.FullPath);
        var video = input.FirstStream(FFmpegMediaType.Video)!;
        using var decoder = new FFmpegDecoder(video);
        using var hook = new EncryptedPacketDecryptor(
            new KeyResolver(CorpusCases.ManifestKeys(entry)), null,
            SampleGroupEncryption.FromFile(entry.FullPath));
        var pictures = new List<string>();
        void OnFrame(DecodedFrame frame) => pictures.Add(frame.ImageMd5().Md5);

        while (input.ReadPacket())
        {
            if (input.PacketStreamIndex == video.Index)
            {
                hook.Decrypt(input.Packet, trackIds[video.Index]);
                decoder.Decode(input.Packet, OnFrame);
            }
        }

        decoder.Decode(0, OnFrame);
        Assert.That(decoder.DecodeErrors, Is.Zero);
        Assert.That(pictures,
            Is.EqualTo(FFmpegCorpus.DecodedVideoMd5(CorpusPaths.Resolve(entry.Source!))));
    }
}
