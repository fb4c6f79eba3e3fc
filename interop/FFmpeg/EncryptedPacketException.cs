namespace Decryptor.Interop.FFmpeg;

/// <summary>
/// A packet's AV_PKT_DATA_ENCRYPTION_INFO side data cannot describe its payload: subsamples that
/// do not add up to the packet size, an IV or KID of the wrong size, an unknown scheme. The
/// packet is left as it was.
/// </summary>
public sealed class EncryptedPacketException : FormatException
{
    public EncryptedPacketException(uint trackId, string problem)
        : base($"Encrypted packet of track {trackId}: {problem}")
    {
        TrackId = trackId;
    }

    public EncryptedPacketException()
    {
    }

    public EncryptedPacketException(string message)
        : base(message)
    {
    }

    public EncryptedPacketException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public uint TrackId { get; }
}
