using Decryptor.IsoBmff;

namespace Decryptor.Keys;

/// <summary>
/// What a key provider is asked for: the key of a KID (CENC family), or the key of a track for
/// ISMACryp and OMA PDCF, whose files carry no KID. The `pssh` boxes are context for
/// license-based providers.
/// </summary>
/// <remarks>
/// Equality ignores <see cref="ProtectionSystemHeaders"/>: two requests for the same key are
/// the same request whichever boxes came with them, so requests can key a cache.
/// </remarks>
public sealed record KeyRequest(
    uint TrackId,
    FourCC Scheme,
    KeyId? KeyId,
    IReadOnlyList<ProtectionSystemHeader> ProtectionSystemHeaders)
{
    /// <summary>A request without `pssh` context.</summary>
    public KeyRequest(uint trackId, FourCC scheme, KeyId? keyId)
        : this(trackId, scheme, keyId, [])
    {
    }

    /// <summary>ISMACryp key indicator (ISMA E&amp;A sample header); 0 = default key.</summary>
    public uint KeyIndicator { get; init; }

    /// <summary>OMA DRM ContentID from `ohdr`, when the track has one.</summary>
    public string? ContentId { get; init; }

    public bool Equals(KeyRequest? other) =>
        other is not null
        && TrackId == other.TrackId
        && Scheme == other.Scheme
        && KeyId == other.KeyId
        && KeyIndicator == other.KeyIndicator
        && string.Equals(ContentId, other.ContentId, StringComparison.Ordinal);

    public override int GetHashCode() =>
        HashCode.Combine(TrackId, Scheme, KeyId, KeyIndicator, ContentId);

    /// <summary>Names what is asked; a request never holds key bytes.</summary>
    public override string ToString()
    {
        var subject = KeyId is { } kid ? $"KID {kid}, track {TrackId}" : $"track {TrackId}";
        var indicator = KeyIndicator == 0 ? "" : $", key indicator {KeyIndicator}";
        var content = ContentId is null ? "" : $", content ID {ContentId}";
        return $"KeyRequest({subject}, scheme {Scheme}{indicator}{content}, "
            + $"{ProtectionSystemHeaders.Count} pssh)";
    }
}
