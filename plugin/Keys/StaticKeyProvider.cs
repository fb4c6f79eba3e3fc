using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Decryptor.Keys;

/// <summary>
/// Keys given up front: on the command line ("key options"), from a key file or by code.
/// A later key for the same KID, track or content ID replaces the earlier one.
/// </summary>
/// <remarks>
/// Lookup order: the KID when the request has one; then the OMA content ID; then the track
/// with its key indicator; then the track's default key (indicator 0), since GPAC and Bento4
/// write files with one key per track whatever the indicator says. Thread-safe.
/// </remarks>
public sealed class StaticKeyProvider : IHybridKeyProvider
{
    /// <summary>The option that takes "KID:KEY".</summary>
    public const string KeyOption = KeyOptionSyntax.KeyOption;

    /// <summary>The option that takes "TRACK_ID[/KI]:KEY[:SALT]".</summary>
    public const string TrackKeyOption = KeyOptionSyntax.TrackKeyOption;

    private readonly ConcurrentDictionary<KeyId, ContentKey> _byKid = new();
    private readonly ConcurrentDictionary<(uint Track, uint Indicator), ContentKey> _byTrack =
        new();
    private readonly ConcurrentDictionary<string, ContentKey> _byContentId =
        new(StringComparer.Ordinal);

    /// <summary>The number of keys held, by KID, by track and by content ID.</summary>
    public int Count => _byKid.Count + _byTrack.Count + _byContentId.Count;

    public void AddKey(KeyId keyId, ContentKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _byKid[keyId] = key;
    }

    /// <summary>A track's key; <paramref name="keyIndicator"/> 0 is its default key.</summary>
    public void AddTrackKey(uint trackId, ContentKey key, uint keyIndicator = 0)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfZero(trackId);
        _byTrack[(trackId, keyIndicator)] = key;
    }

    /// <summary>The key of an OMA DRM content ID (`ohdr` ContentID).</summary>
    public void AddContentIdKey(string contentId, ContentKey key)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentId);
        ArgumentNullException.ThrowIfNull(key);
        _byContentId[contentId] = key;
    }

    /// <summary>Adds "KID:KEY" (32 hex digits each; 0x prefix and GUID dashes accepted).</summary>
    /// <exception cref="FormatException">Malformed; the message does not quote it.</exception>
    public void AddKeyOption(string value)
    {
        var (keyId, key) = KeyOptionSyntax.ParseKey(value);
        AddKey(keyId, key);
    }

    /// <summary>
    /// Adds "TRACK_ID:KEY[:SALT]" or "TRACK_ID/KI:KEY[:SALT]": a decimal track ID, an optional
    /// decimal ISMACryp key indicator, a 32-hex-digit key and an optional 16-hex-digit salt.
    /// </summary>
    /// <exception cref="FormatException">Malformed; the message does not quote it.</exception>
    public void AddTrackKeyOption(string value)
    {
        var (trackId, keyIndicator, key) = KeyOptionSyntax.ParseTrackKey(value);
        AddTrackKey(trackId, key, keyIndicator);
    }

    public bool TryGetKey(KeyRequest request, [NotNullWhen(true)] out ContentKey? key)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (request.KeyId is { } kid && _byKid.TryGetValue(kid, out key))
        {
            return true;
        }

        if (request.ContentId is { } contentId && _byContentId.TryGetValue(contentId, out key))
        {
            return true;
        }

        // No fallback from one key indicator to another: a sample that names key 6 decrypted
        // with key 0 would come out as garbage without any error.
        return _byTrack.TryGetValue((request.TrackId, request.KeyIndicator), out key);
    }

    public ValueTask<ContentKey?> GetKeyAsync(
        KeyRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(TryGetKey(request, out var key) ? key : null);
    }
}
