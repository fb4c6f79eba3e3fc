using Decryptor.IsoBmff;

namespace Decryptor.Keys;

/// <summary>No key provider knew the key a track needs. The message says how to give it.</summary>
public sealed class ContentKeyNotFoundException : Exception
{
    public ContentKeyNotFoundException()
        : base("No key for the content.")
    {
    }

    public ContentKeyNotFoundException(string message)
        : base(message)
    {
    }

    public ContentKeyNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ContentKeyNotFoundException(KeyRequest request)
        : base(Describe(request))
    {
        KeyId = request.KeyId;
        TrackId = request.TrackId;
        Scheme = request.Scheme;
        KeyIndicator = request.KeyIndicator;
        ContentId = request.ContentId;
    }

    /// <summary>The KID asked for, or null for a track key (ISMACryp, OMA PDCF).</summary>
    public KeyId? KeyId { get; }

    public uint TrackId { get; }

    public FourCC Scheme { get; }

    public uint KeyIndicator { get; }

    public string? ContentId { get; }

    private static string Describe(KeyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (request.KeyId is { } kid)
        {
            return $"No key for KID {kid} (track {request.TrackId}, scheme {request.Scheme}). "
                + $"Give it with {StaticKeyProvider.KeyOption} KID:KEY, a key file or a key "
                + "provider.";
        }

        var indicator = request.KeyIndicator == 0 ? "" : $", key indicator {request.KeyIndicator}";
        var content = request.ContentId is null ? "" : $", content ID {request.ContentId}";
        var target = request.KeyIndicator == 0
            ? $"{request.TrackId}"
            : $"{request.TrackId}/{request.KeyIndicator}";
        return $"No key for track {request.TrackId}{indicator} (scheme {request.Scheme}"
            + $"{content}). Give it with {StaticKeyProvider.TrackKeyOption} {target}:KEY[:SALT], "
            + "a key file or a key provider.";
    }
}
