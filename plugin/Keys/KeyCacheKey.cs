namespace Decryptor.Keys;

/// <summary>
/// What identifies a key in <see cref="KeyResolver"/>'s cache: the KID alone when there is one
/// (a KID names one key whatever track uses it), else the track, key indicator and content ID.
/// </summary>
internal readonly record struct KeyCacheKey(
    KeyId? KeyId, uint TrackId, uint KeyIndicator, string? ContentId)
{
    public static KeyCacheKey For(KeyRequest request) => request.KeyId is { } kid
        ? new KeyCacheKey(kid, 0, 0, null)
        : new KeyCacheKey(null, request.TrackId, request.KeyIndicator, request.ContentId);
}
