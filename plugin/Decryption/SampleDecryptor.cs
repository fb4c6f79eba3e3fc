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
        DecryptInPlace(track, sample, data);
        return sample.Size;
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

        var aux = _aux.AsSpan(0, location.Size);
        _index.Source.ReadExactly(location.Offset, aux);
        aux[..ivSize].CopyTo(iv);
        return CencSampleAuxInfo.Parse(aux, ivSize, sample.Size, location.Offset, label,
            ref _subsamples);
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

        _ciphers.Clear();
    }
}
