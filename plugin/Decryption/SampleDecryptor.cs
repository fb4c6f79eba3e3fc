using Decryptor.Crypto;
using Decryptor.Index;
using Decryptor.IsoBmff;
using Decryptor.Keys;
using Decryptor.Protection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Decryptor.Decryption;

/// <summary>
/// Turns stored samples into clear ones: finds each sample's parameters in the index, reads its
/// auxiliary information, asks the key resolver for its key, and runs the cipher in place.
/// One instance serves one thread at a time (it reuses its buffers).
/// </summary>
public sealed class SampleDecryptor : IDisposable
{
    private readonly MovieIndex _index;
    private readonly KeyResolver _keys;
    private readonly ILogger _logger;
    private readonly Dictionary<KeyId, AesContext> _ciphers = [];
    private readonly Dictionary<(uint Track, ulong KeyIndicator), AesContext> _trackCiphers = [];
    private readonly Dictionary<uint, IsmaCrypAccessUnitDecryptor> _ismaCryp = [];
    private readonly Dictionary<uint, AuxInfoWindow> _auxWindows = [];
    private SubsampleEntry[] _subsamples = new SubsampleEntry[64];
    private byte[] _aux = new byte[256];

    public SampleDecryptor(MovieIndex index, KeyResolver keys, ILogger? logger = null)
    {
        _index = index;
        _keys = keys;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Whether a sample's stored bytes are encrypted (false for clear lead).</summary>
    public static bool IsEncrypted(Track track, in Sample sample) =>
        track.EncryptionDefaultsOf(sample) is { IsProtected: true };

    /// <summary>
    /// Reads sample <paramref name="index"/> of <paramref name="track"/> and decrypts it into
    /// <paramref name="destination"/>; returns the clear size.
    /// </summary>
    public int ReadClearSample(Track track, int index, Span<byte> destination)
    {
        var sample = track.Samples[index];
        if (destination.Length < sample.Size)
        {
            throw new ArgumentException(
                $"The buffer holds {destination.Length} bytes; sample {sample.Number} of track "
                + $"{track.TrackId} has {sample.Size}.", nameof(destination));
        }

        var data = destination[..sample.Size];
        ReadStored(track, sample, data);
        return DecryptStored(track, sample, data);
    }

    /// <summary>
    /// Decrypts the stored bytes of a sample of any scheme. The clear bytes end up at the start
    /// of <paramref name="data"/>; returns their length, which is shorter than the stored one
    /// for schemes whose samples carry a header (ISMACryp, OMA PDCF).
    /// </summary>
    public int DecryptStored(Track track, in Sample sample, Span<byte> data)
    {
        if (track.ProtectionOf(sample) is not { } protection)
        {
            return data.Length;
        }

        if (protection.IsCommonEncryption)
        {
            DecryptInPlace(track, sample, data);
            return data.Length;
        }

        var label = new SampleLabel(track.TrackId, sample.Number).ToString();
        if (protection.SchemeType == SchemeTypes.IsmaCryp)
        {
            return DecryptIsmaCryp(track, protection, sample, data, label);
        }

        if (protection.SchemeType == SchemeTypes.OmaDrm)
        {
            return DecryptOmaPdcf(track, protection, sample, data, label);
        }

        throw new Mp4NotSupportedException("schm", protection.Sinf.Header.Offset, "scheme_type",
            $"track {track.TrackId} uses scheme '{protection.SchemeType}', which this "
            + "decryptor does not handle");
    }

    /// <summary>
    /// Decrypts the stored bytes of one sample in place; clear samples are left alone.
    /// </summary>
    public void DecryptInPlace(Track track, in Sample sample, Span<byte> data)
    {
        if (track.ProtectionOf(sample) is not { } protection)
        {
            return;
        }

        if (!protection.IsCommonEncryption)
        {
            // Never hand protected bytes on as if they were clear.
            throw new Mp4NotSupportedException("schm", protection.Sinf.Header.Offset,
                "scheme_type", $"track {track.TrackId} uses scheme '{protection.SchemeType}', "
                + "which this decryptor does not handle");
        }

        var parameters = track.EncryptionDefaultsOf(sample);
        if (parameters is not { IsProtected: true })
        {
            return;
        }

        var label = new SampleLabel(track.TrackId, sample.Number);
        Span<byte> iv = stackalloc byte[16];
        var subsampleCount = ReadAuxInfo(track, sample, parameters, label, iv);
        var cipher = CipherFor(track, protection, parameters.Kid);
        CommonEncryptionCipher.DecryptSample(cipher, parameters.Cipher, iv,
            _subsamples.AsSpan(0, subsampleCount), parameters.Pattern, data);
    }

    private int ReadAuxInfo(Track track, in Sample sample, SampleEncryptionDefaults parameters,
        SampleLabel label, Span<byte> iv)
    {
        var location = track.Samples.AuxInfoOf(sample.Index);
        var ivSize = parameters.PerSampleIvSize;
        if (ivSize == 0)
        {
            parameters.ConstantIv.CopyTo(iv);
        }
        else if (location.Size == 0)
        {
            throw new Mp4FormatException("senc", location.Offset, "InitializationVector",
                $"{label} is encrypted with a {ivSize}-byte per-sample IV, but the file gives "
                + "it no auxiliary information (no senc entry or saiz size)");
        }

        if (location.Size == 0)
        {
            return 0;
        }

        if (_aux.Length < location.Size)
        {
            _aux = new byte[location.Size];
        }

        if (location.Offset < 0 || location.Offset > _index.Source.Length - location.Size)
        {
            throw new Mp4FormatException("saio", location.Offset, "offset",
                $"the {location.Size} bytes of auxiliary information of {label} lie outside "
                + $"the {_index.Source.Length}-byte file");
        }

        var aux = _aux.AsSpan(0, location.Size);
        AuxWindowOf(track).Read(location.Offset, aux);
        var count = CencSampleAuxInfo.Parse(aux, ivSize, sample.Size, location.Offset, label,
            ref _subsamples);
        aux[..ivSize].CopyTo(iv);
        return count;
    }

    // One window per track: each track's entries form their own run, and samples of the
    // tracks interleave in file order.
    private AuxInfoWindow AuxWindowOf(Track track)
    {
        if (!_auxWindows.TryGetValue(track.TrackId, out var window))
        {
            window = new AuxInfoWindow(_index.Source);
            _auxWindows.Add(track.TrackId, window);
        }

        return window;
    }

    private AesContext CipherFor(Track track, TrackProtection protection, KeyId kid)
    {
        if (_ciphers.TryGetValue(kid, out var cipher))
        {
            return cipher;
        }

        var request = new KeyRequest(track.TrackId, protection.SchemeType, kid,
            _index.ProtectionSystemHeaders);
        var key = _keys.GetKey(request);
        _logger.LogDebug("Key for KID {Kid} (track {TrackId}) is ready", kid, track.TrackId);
        cipher = new AesContext(key.Key);
        _ciphers.Add(kid, cipher);
        return cipher;
    }

    private int DecryptIsmaCryp(Track track, TrackProtection protection, in Sample sample,
        Span<byte> data, string label)
    {
        if (!_ismaCryp.TryGetValue(track.TrackId, out var decryptor))
        {
            SampleFormatOf(protection, "iSFM");
            decryptor = IsmaCrypAccessUnitDecryptor.ForTrack(_index, track, _keys);
            _ismaCryp.Add(track.TrackId, decryptor);
        }

        var length = decryptor.DecryptInPlace(data, sample.Offset, label);
        if (protection.OriginalFormat == AnnexBSample.Format)
        {
            AnnexBSample.ToLengthPrefixed(data[..length], sample.Offset, label);
        }

        return length;
    }

    private int DecryptOmaPdcf(Track track, TrackProtection protection, in Sample sample,
        Span<byte> data, string label)
    {
        var format = SampleFormatOf(protection, "odaf");
        var headers = protection.Sinf.Information.OmaHeaders
            ?? throw new Mp4FormatException("odkm", protection.Sinf.Header.Offset, "ohdr",
                $"track {track.TrackId} is OMA PDCF protected but has no 'ohdr' box");
        var header = SelfDescribingSampleHeader.Parse(data, format, sample.Offset, label);
        var payload = data[header.Length..];
        var length = payload.Length;
        if (header.IsEncrypted && headers.EncryptionMethod != OmaCommonHeadersBox.MethodNone)
        {
            var cipher = TrackCipherFor(track, protection, header.KeyIndicator,
                headers.ContentId);
            length = OmaPdcfCipher.Decrypt(cipher, headers,
                data.Slice(header.IvStart, header.IvLength), payload,
                sample.Offset + header.Length, label);
        }

        payload[..length].CopyTo(data);
        return length;
    }

    private static IsmaSampleFormatBox SampleFormatOf(TrackProtection protection, string box) =>
        protection.Sinf.Information.SampleFormat
        ?? throw new Mp4FormatException("schi", protection.Sinf.Header.Offset, box,
            $"scheme '{protection.SchemeType}' needs an '{box}' box to read sample headers");

    private AesContext TrackCipherFor(Track track, TrackProtection protection,
        ulong keyIndicator, string? contentId)
    {
        if (_trackCiphers.TryGetValue((track.TrackId, keyIndicator), out var known))
        {
            return known;
        }

        if (keyIndicator > uint.MaxValue)
        {
            throw new Mp4NotSupportedException("sample header", protection.Sinf.Header.Offset,
                "key_indicator", $"key indicator {keyIndicator} does not fit 32 bits");
        }

        var request = new KeyRequest(track.TrackId, protection.SchemeType, null,
            _index.ProtectionSystemHeaders)
        {
            KeyIndicator = (uint)keyIndicator,
            ContentId = contentId,
        };
        var cipher = new AesContext(_keys.GetKey(request).Key);
        _logger.LogDebug("Key for track {TrackId} key indicator {KeyIndicator} is ready",
            track.TrackId, keyIndicator);
        _trackCiphers.Add((track.TrackId, keyIndicator), cipher);
        return cipher;
    }

    internal void ReadStored(Track track, in Sample sample, Span<byte> data)
    {
        if (sample.Offset > _index.Source.Length - sample.Size)
        {
            throw new Mp4FormatException("mdat", sample.Offset, null,
                $"sample {sample.Number} of track {track.TrackId} ({sample.Size} bytes) runs "
                + $"past the end of the {_index.Source.Length}-byte file");
        }

        _index.Source.ReadExactly(sample.Offset, data);
    }

    public void Dispose()
    {
        foreach (var cipher in _ciphers.Values)
        {
            cipher.Dispose();
        }

        foreach (var cipher in _trackCiphers.Values)
        {
            cipher.Dispose();
        }

        foreach (var decryptor in _ismaCryp.Values)
        {
            decryptor.Dispose();
        }

        _ciphers.Clear();
        _trackCiphers.Clear();
        _ismaCryp.Clear();
    }
}
