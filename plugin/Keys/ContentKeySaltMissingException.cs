namespace Decryptor.Keys;

/// <summary>
/// An ISMACryp track needs an 8-byte salt that neither the file (`iSLT`) nor the key gave.
/// </summary>
public sealed class ContentKeySaltMissingException : Exception
{
    public ContentKeySaltMissingException(uint trackId, ulong keyIndicator)
        : base($"No salt for track {trackId} (key indicator {keyIndicator}): the file has no "
            + $"'iSLT' box. Give it with --track-key {trackId}:KEY:SALT or a GPAC key file.")
    {
        TrackId = trackId;
    }

    public ContentKeySaltMissingException()
    {
    }

    public ContentKeySaltMissingException(string message)
        : base(message)
    {
    }

    public ContentKeySaltMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public uint TrackId { get; }
}
