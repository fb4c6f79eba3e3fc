using Decryptor.Crypto;
using Decryptor.Index;
using Decryptor.IsoBmff;
using Decryptor.Keys;
using Decryptor.Protection;

namespace Decryptor.Decryption;

/// <summary>
/// Decrypts ISMACryp access units one at a time, in any order and with any gaps: each carries
/// its byte-stream offset, so none depends on another (ISMA E&amp;A 1.1 §6). Serves samples read
/// from a file and AUs from packet sources such as RTP receivers alike. Keys are asked for by
/// key indicator, once each. One instance serves one thread at a time.
/// </summary>
public sealed class IsmaCrypAccessUnitDecryptor : IDisposable
{
    private readonly IsmaSampleFormatBox _format;
    private readonly Func<ulong, ContentKey> _keyOf;
    private readonly byte[]? _salt;
    private readonly uint _trackId;
    private readonly long _streamLength;
    private readonly Dictionary<ulong, (AesContext Cipher, byte[] Salt)> _ciphers = [];

    /// <param name="format">`iSFM`: selective encryption, key indicator and IV lengths.</param>
    /// <param name="keyOf">The key of a key indicator (0 when AUs carry none).</param>
    /// <param name="salt">The `iSLT` salt; when empty, each key's own salt is used.</param>
    /// <param name="trackId">Names the track in errors.</param>
    /// <param name="streamLength">
    /// An upper bound of the byte stream's length; a larger byte-stream offset is malformed.
    /// </param>
    public IsmaCrypAccessUnitDecryptor(IsmaSampleFormatBox format, Func<ulong, ContentKey> keyOf,
        ReadOnlySpan<byte> salt = default, uint trackId = 0, long streamLength = long.MaxValue)
    {
        if (format.IvLength > 8)
        {
            throw new Mp4NotSupportedException(format.Type.ToString(), format.Offset,
                "IV_length", $"ISMACryp byte-stream offsets of {format.IvLength} bytes (over 8)");
        }

        _format = format;
        _keyOf = keyOf;
        _salt = salt.IsEmpty ? null : salt.ToArray();
        _trackId = trackId;
        _streamLength = streamLength;
    }

    /// <summary>A decryptor for an ISMACryp track of a file, with keys from the resolver.</summary>
    public static IsmaCrypAccessUnitDecryptor ForTrack(
        MovieIndex index, Track track, KeyResolver keys)
    {
        var protection = track.Protection;
        var information = protection?.Sinf.Information;
        if (protection?.SchemeType != SchemeTypes.IsmaCryp || information?.SampleFormat is null)
        {
            throw new ArgumentException(
                $"Track {track.TrackId} is not ISMACryp protected with an 'iSFM' box.",
                nameof(track));
        }

        ContentKey KeyOf(ulong keyIndicator) => keys.GetKey(
            new KeyRequest(track.TrackId, protection.SchemeType, null,
                index.ProtectionSystemHeaders)
            {
                KeyIndicator = keyIndicator <= uint.MaxValue ? (uint)keyIndicator
                    : throw new Mp4NotSupportedException("sample header", 0, "key_indicator",
                        $"key indicator {keyIndicator} does not fit 32 bits"),
            });

        // Writers may round each payload up to a whole block in the offsets (Bento4 does).
        var streamLength = track.Samples.TotalSize + 16L * track.Samples.Count;
        return new IsmaCrypAccessUnitDecryptor(information.SampleFormat, KeyOf,
            information.Salt, track.TrackId, streamLength);
    }

    /// <summary>
    /// Decrypts <paramref name="accessUnit"/> (header included) into
    /// <paramref name="destination"/>; returns the clear length.
    /// </summary>
    public int Decrypt(ReadOnlySpan<byte> accessUnit, Span<byte> destination)
    {
        if (destination.Length < accessUnit.Length)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} bytes; the access unit has "
                + $"{accessUnit.Length}.", nameof(destination));
        }

        accessUnit.CopyTo(destination);
        return DecryptInPlace(destination[..accessUnit.Length], 0, "access unit");
    }

    /// <summary>
    /// Decrypts an access unit in place: the clear payload ends up at its start, the header
    /// removed. Returns the clear length. <paramref name="offset"/> and
    /// <paramref name="label"/> only serve error messages.
    /// </summary>
    public int DecryptInPlace(Span<byte> accessUnit, long offset, string label)
    {
        var header = SelfDescribingSampleHeader.Parse(accessUnit, _format, offset, label);
        var payload = accessUnit[header.Length..];
        if (header.IsEncrypted)
        {
            var byteStreamOffset = header.IvAsNumber(accessUnit);
            if (byteStreamOffset > (ulong)(_streamLength - payload.Length))
            {
                throw new Mp4FormatException("sample header", offset + header.IvStart, "IV",
                    $"{label}: byte-stream offset {byteStreamOffset} puts its "
                    + $"{payload.Length} bytes past the track's byte stream (at most "
                    + $"{_streamLength} bytes)");
            }

            var (cipher, salt) = CipherFor(header.KeyIndicator);
            IsmaCrypCipher.Decrypt(cipher, salt, byteStreamOffset, payload);
        }

        payload.CopyTo(accessUnit);
        return payload.Length;
    }

    public void Dispose()
    {
        foreach (var (cipher, _) in _ciphers.Values)
        {
            cipher.Dispose();
        }

        _ciphers.Clear();
    }

    private (AesContext Cipher, byte[] Salt) CipherFor(ulong keyIndicator)
    {
        if (_ciphers.TryGetValue(keyIndicator, out var known))
        {
            return known;
        }

        var key = _keyOf(keyIndicator);

        // The file's iSLT wins; GPAC writes none, so the key's own salt is the fallback.
        var salt = _salt ?? (key.HasSalt ? key.Salt.ToArray() : null)
            ?? throw new ContentKeySaltMissingException(_trackId, keyIndicator);
        var entry = (new AesContext(key.Key), salt);
        _ciphers.Add(keyIndicator, entry);
        return entry;
    }
}
