using System.Runtime.InteropServices;
using Decryptor.Interop.FFmpeg;
using Decryptor.IsoBmff;
using Decryptor.Keys;
using NUnit.Framework;

namespace Decryptor.Tests.FFmpeg;

/// <summary>
/// Packets built with FFmpeg's own allocators carry side data that does not fit them; the hook
/// answers with a typed error and leaves the payload alone.
/// </summary>
[TestFixture]
public sealed class PacketHookErrorTests
{
    private const int PacketSize = 32;

    private static readonly KeyId Kid = KeyId.Parse("00112233445566778899aabbccddeeff");

    [OneTimeSetUp]
    public void RequireFFmpeg()
    {
        if (!FFmpegLibraries.IsAvailable)
        {
            Assert.Ignore("FFmpeg 5.1 libraries missing: apt-get install -y ffmpeg");
        }
    }

    [Test]
    public void Subsamples_that_do_not_cover_the_packet_are_a_typed_error()
    {
        using var packet = NewPacket();
        AttachInfo(packet, "cenc", ivSize: 16, (10, 10));
        var before = Payload(packet);

        var error = Assert.Throws<EncryptedPacketException>(() => Decrypt(packet, trackId: 7));

        Assert.That(error!.TrackId, Is.EqualTo(7u));
        Assert.That(error.Message, Does.Contain("cover 20 bytes").And.Contain("has 32"));
        Assert.That(Payload(packet), Is.EqualTo(before));
    }

    [Test]
    public void Subsample_sum_past_int_range_is_a_typed_error()
    {
        using var packet = NewPacket();
        AttachInfo(packet, "cbcs", ivSize: 16, (uint.MaxValue, uint.MaxValue));

        Assert.Throws<EncryptedPacketException>(() => Decrypt(packet, trackId: 1));
    }

    [Test]
    public void Unknown_scheme_is_a_typed_error()
    {
        using var packet = NewPacket();
        AttachInfo(packet, "abcd", ivSize: 16, (16, 16));

        Assert.Throws<EncryptedPacketException>(() => Decrypt(packet, trackId: 1));
    }

    [Test]
    public void Eight_byte_iv_is_refused_for_cbc()
    {
        using var packet = NewPacket();
        AttachInfo(packet, "cbc1", ivSize: 8, (16, 16));

        Assert.Throws<EncryptedPacketException>(() => Decrypt(packet, trackId: 1));
    }

    [Test]
    public void Unknown_kid_is_reported_by_the_key_resolver()
    {
        using var packet = NewPacket();
        AttachInfo(packet, "cenc", ivSize: 8, (16, 16));
        using var decryptor = new EncryptedPacketDecryptor(
            new KeyResolver(new StaticKeyProvider()));

        Assert.Throws<ContentKeyNotFoundException>(() => decryptor.Decrypt(packet, 1));
    }

    [Test]
    public void Packet_without_side_data_is_clear_and_untouched()
    {
        using var packet = NewPacket();
        var before = Payload(packet);

        Assert.That(Decrypt(packet, trackId: 1), Is.False);
        Assert.That(Payload(packet), Is.EqualTo(before));
    }

    private static bool Decrypt(AVPacketHandle packet, uint trackId)
    {
        var keys = new StaticKeyProvider();
        keys.AddKey(Kid, new ContentKey(new byte[ContentKey.Size]));
        using var decryptor = new EncryptedPacketDecryptor(new KeyResolver(keys));
        return decryptor.Decrypt(packet, trackId);
    }

    private static AVPacketHandle NewPacket()
    {
        var packet = AVPacketHandle.Allocate();
        FFmpegError.Check(
            Native.av_new_packet(packet.DangerousGetHandle(), PacketSize), "av_new_packet");
        var data = Marshal.ReadIntPtr(packet.DangerousGetHandle(), Layout.AVPacket_data);
        for (var i = 0; i < PacketSize; i++)
        {
            Marshal.WriteByte(data, i, (byte)i);
        }

        return packet;
    }

    private static byte[] Payload(AVPacketHandle packet)
    {
        var data = Marshal.ReadIntPtr(packet.DangerousGetHandle(), Layout.AVPacket_data);
        var copy = new byte[PacketSize];
        Marshal.Copy(data, copy, 0, PacketSize);
        return copy;
    }

    /// <summary>
    /// Fills an AVEncryptionInfo from av_encryption_info_alloc and attaches it the way the mov
    /// demuxer does: serialized by av_encryption_info_add_side_data.
    /// </summary>
    private static void AttachInfo(
        AVPacketHandle packet, string scheme, int ivSize,
        params (uint Clear, uint Protected)[] subsamples)
    {
        var info = Native.av_encryption_info_alloc((uint)subsamples.Length, KeyId.Size,
            (uint)ivSize);
        Assert.That(info, Is.Not.Zero);
        try
        {
            Marshal.WriteInt32(info, Layout.AVEncryptionInfo_scheme,
                (int)FourCC.Parse(scheme).Value);
            var kid = new byte[KeyId.Size];
            Convert.FromHexString("00112233445566778899aabbccddeeff").CopyTo(kid, 0);
            Marshal.Copy(kid, 0, Marshal.ReadIntPtr(info, Layout.AVEncryptionInfo_key_id),
                kid.Length);

            var entries = Marshal.ReadIntPtr(info, Layout.AVEncryptionInfo_subsamples);
            for (var i = 0; i < subsamples.Length; i++)
            {
                var offset = i * Layout.AVSubsampleEncryptionInfo_size;
                Marshal.WriteInt32(entries, offset, (int)subsamples[i].Clear);
                Marshal.WriteInt32(entries, offset + 4, (int)subsamples[i].Protected);
            }

            var side = Native.av_encryption_info_add_side_data(info, out var size);
            Assert.That(side, Is.Not.Zero);

            // av_packet_add_side_data owns the buffer from here on.
            FFmpegError.Check(Native.av_packet_add_side_data(packet.DangerousGetHandle(),
                Native.AV_PKT_DATA_ENCRYPTION_INFO, side, size), "av_packet_add_side_data");
        }
        finally
        {
            Native.av_encryption_info_free(info);
        }
    }
}
