using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Decryptor.Crypto;
using Decryptor.IsoBmff;
using Decryptor.Keys;

namespace Decryptor.Interop.FFmpeg;

/// <summary>
/// Decrypts, in place, the packets that libavformat's mov demuxer reads from a CENC-family file
/// (cenc, cbc1, cens, cbcs) when it is given no decryption_key: FFmpeg 5.1 then attaches
/// AV_PKT_DATA_ENCRYPTION_INFO side data to each protected packet. Unlike FFmpeg's own
/// -decryption_key, keys come per KID from a <see cref="KeyResolver"/> (several KIDs, rotated
/// keys) and the cipher is Decryptor's, which follows ISO/IEC 23001-7 §10 for every scheme.
/// </summary>
/// <remarks>
/// <para>
/// Call <see cref="Decrypt(AVPacketHandle, uint)"/> exactly once per packet, right after
/// av_read_frame. The side data is left on the packet (FFmpeg 5.1 has no call that removes one
/// packet side data entry, and decoders ignore it), so a second call would decrypt the clear
/// payload again and garble it.
/// </para>
/// <para>
/// Use an instance from one thread at a time, like the <see cref="AesContext"/>s it caches (one
/// per KID). Errors are thrown as managed exceptions; this type is called from managed code and
/// never from an FFmpeg callback.
/// </para>
/// </remarks>
public sealed class EncryptedPacketDecryptor : IDisposable
{
    private const int KeyIdSize = 16;
    private const int MaxPatternBlocks = 15;

    private static readonly FourCC Cenc = FourCC.Parse("cenc");
    private static readonly FourCC Cbc1 = FourCC.Parse("cbc1");
    private static readonly FourCC Cens = FourCC.Parse("cens");
    private static readonly FourCC Cbcs = FourCC.Parse("cbcs");

    private readonly KeyResolver _keys;
    private readonly IReadOnlyList<ProtectionSystemHeader> _protectionSystemHeaders;
    private readonly SampleGroupEncryption? _sampleGroups;
    private readonly Dictionary<KeyId, AesContext> _contexts = [];
    private readonly List<SubsampleEntry> _subsamples = [];
    private bool _disposed;

    /// <param name="keys">Where keys come from, asked once per KID.</param>
    /// <param name="protectionSystemHeaders">
    /// The file's `pssh` boxes, passed to license-based providers. FFmpeg 5.1 drops a `pssh`
    /// that follows `mvhd`, so the application parses them itself (DESIGN.md).
    /// </param>
    /// <param name="sampleGroups">
    /// The file's `seig` groups, for key rotation: FFmpeg 5.1 ignores them and names the `tenc`
    /// KID on every packet. Without them a rotated sample is decrypted with the wrong key.
    /// </param>
    public EncryptedPacketDecryptor(
        KeyResolver keys,
        IReadOnlyList<ProtectionSystemHeader>? protectionSystemHeaders = null,
        SampleGroupEncryption? sampleGroups = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
        _protectionSystemHeaders = protectionSystemHeaders ?? [];
        _sampleGroups = sampleGroups is { IsEmpty: false } ? sampleGroups : null;
    }

    /// <summary>
    /// Decrypts <paramref name="packet"/> in place when it carries encryption side data.
    /// </summary>
    /// <param name="packet">A packet filled by av_read_frame.</param>
    /// <param name="trackId">The track the packet belongs to (AVStream.id for MP4).</param>
    /// <returns>True when the packet was decrypted, false when it had no encryption info.</returns>
    /// <exception cref="EncryptedPacketException">
    /// The side data does not fit the packet.
    /// </exception>
    /// <exception cref="ContentKeyNotFoundException">No provider knows the KID's key.</exception>
    public bool Decrypt(AVPacketHandle packet, uint trackId)
    {
        ArgumentNullException.ThrowIfNull(packet);

        var added = false;
        packet.DangerousAddRef(ref added);
        try
        {
            return Decrypt(packet.DangerousGetHandle(), trackId);
        }
        finally
        {
            if (added)
            {
                packet.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// As <see cref="Decrypt(AVPacketHandle, uint)"/>, for an AVPacket* the caller owns.
    /// </summary>
    public unsafe bool Decrypt(nint avPacket, uint trackId)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (avPacket == 0)
        {
            throw new ArgumentException("The AVPacket pointer is NULL.", nameof(avPacket));
        }

        FFmpegLibraries.EnsureLoaded();

        var sideData = Native.av_packet_get_side_data(
            avPacket, Native.AV_PKT_DATA_ENCRYPTION_INFO, out var sideDataSize);
        if (sideData == 0)
        {
            return false;
        }

        KeyId? groupKid = null;
        var position = Unsafe.ReadUnaligned<long>((byte*)avPacket + Layout.AVPacket_pos);
        if (_sampleGroups is not null
            && _sampleGroups.TryGet(trackId, position, out var isProtected, out var kid))
        {
            // §6: a `seig` entry with isProtected 0 leaves its samples clear.
            if (!isProtected)
            {
                return false;
            }

            groupKid = kid;
        }

        var info = Native.av_encryption_info_get_side_data((byte*)sideData, sideDataSize);
        if (info == 0)
        {
            throw new EncryptedPacketException(
                trackId, $"FFmpeg cannot parse its {sideDataSize}-byte encryption side data.");
        }

        try
        {
            // The payload may be shared with another reference; never write through to it.
            FFmpegError.Check(Native.av_packet_make_writable(avPacket), "av_packet_make_writable");

            var data = Unsafe.ReadUnaligned<nint>((byte*)avPacket + Layout.AVPacket_data);
            var size = Unsafe.ReadUnaligned<int>((byte*)avPacket + Layout.AVPacket_size);
            var sample = data == 0 ? [] : new Span<byte>((void*)data, size);
            DecryptSample(new AVEncryptionInfoView(info), trackId, sample, groupKid);
        }
        finally
        {
            Native.av_encryption_info_free(info);
        }

        return true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var context in _contexts.Values)
        {
            context.Dispose();
        }

        _contexts.Clear();
    }

    /// <summary>
    /// Checks <paramref name="info"/> against the sample, then decrypts it with the key of
    /// <paramref name="groupKid"/> when a `seig` group names one, else of the side data's KID.
    /// </summary>
    internal void DecryptSample(
        AVEncryptionInfoView info, uint trackId, Span<byte> sample, KeyId? groupKid = null)
    {
        var scheme = info.Scheme;
        var cipher = CipherOf(scheme, trackId);

        var keyId = info.KeyId;
        if (keyId.Length != KeyIdSize)
        {
            throw new EncryptedPacketException(
                trackId, $"the KID is {keyId.Length} bytes, not {KeyIdSize}.");
        }

        // §9: CTR IVs are 8 or 16 bytes; CBC IVs (per sample or constant) are 16.
        var iv = info.Iv;
        var ivValid = cipher is CencCipher.Cenc or CencCipher.Cens
            ? iv.Length is 8 or 16
            : iv.Length == 16;
        if (!ivValid)
        {
            throw new EncryptedPacketException(
                trackId, $"a {iv.Length}-byte IV does not suit scheme '{scheme}'.");
        }

        var pattern = PatternOf(info, cipher, trackId);
        var subsamples = SubsamplesOf(info, trackId, sample.Length);
        var key = KeyFor(trackId, scheme, groupKid ?? KeyId.Read(keyId));
        CommonEncryptionCipher.DecryptSample(key, cipher, iv, subsamples, pattern, sample);
    }

    private static CencCipher CipherOf(FourCC scheme, uint trackId)
    {
        if (scheme == Cenc)
        {
            return CencCipher.Cenc;
        }

        if (scheme == Cbc1)
        {
            return CencCipher.Cbc1;
        }

        if (scheme == Cens)
        {
            return CencCipher.Cens;
        }

        return scheme == Cbcs
            ? CencCipher.Cbcs
            : throw new EncryptedPacketException(
                trackId, $"scheme '{scheme}' is not cenc, cbc1, cens or cbcs.");
    }

    /// <summary>
    /// §10.3 and §10.4 take the pattern from `tenc` (4-bit counts); cenc and cbc1 have none,
    /// so whatever FFmpeg read there is ignored.
    /// </summary>
    private static EncryptionPattern PatternOf(
        AVEncryptionInfoView info, CencCipher cipher, uint trackId)
    {
        if (cipher is CencCipher.Cenc or CencCipher.Cbc1)
        {
            return default;
        }

        var crypt = info.CryptByteBlock;
        var skip = info.SkipByteBlock;
        if (crypt > MaxPatternBlocks || skip > MaxPatternBlocks || (crypt == 0 && skip != 0))
        {
            throw new EncryptedPacketException(
                trackId, $"the pattern {crypt}:{skip} is not a valid crypt:skip block pattern.");
        }

        return new EncryptionPattern((byte)crypt, (byte)skip);
    }

    /// <summary>
    /// FFmpeg's subsamples as the cipher's entries. FFmpeg counts clear bytes in 32 bits, the
    /// `senc` field is 16 bits; a larger count is split into clear-only entries, which leave the
    /// cipher state as it was. No subsamples means the whole sample is protected.
    /// </summary>
    private ReadOnlySpan<SubsampleEntry> SubsamplesOf(
        AVEncryptionInfoView info, uint trackId, int sampleLength)
    {
        _subsamples.Clear();

        long total = 0;
        var count = info.SubsampleCount;
        for (var i = 0; i < count; i++)
        {
            var (clear, protectedBytes) = info.Subsample(i);
            total += (long)clear + protectedBytes;

            for (; clear > ushort.MaxValue; clear -= ushort.MaxValue)
            {
                _subsamples.Add(new SubsampleEntry(ushort.MaxValue, 0));
            }

            _subsamples.Add(new SubsampleEntry((ushort)clear, protectedBytes));
        }

        if (count != 0 && total != sampleLength)
        {
            throw new EncryptedPacketException(
                trackId,
                $"its {count} subsamples cover {total} bytes but the packet has {sampleLength}.");
        }

        return CollectionsMarshal.AsSpan(_subsamples);
    }

    private AesContext KeyFor(uint trackId, FourCC scheme, KeyId keyId)
    {
        if (_contexts.TryGetValue(keyId, out var context))
        {
            return context;
        }

        var key = _keys.GetKey(new KeyRequest(trackId, scheme, keyId, _protectionSystemHeaders));
        context = new AesContext(key.Key);
        _contexts.Add(keyId, context);
        return context;
    }
}
