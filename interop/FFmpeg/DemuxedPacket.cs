namespace Decryptor.Interop.FFmpeg;

/// <summary>One packet read by <see cref="ProtectedFileDemuxer"/>, copied out of FFmpeg.</summary>
/// <param name="StreamIndex">The AVStream index.</param>
/// <param name="TrackId">The MP4 track_ID (AVStream.id).</param>
/// <param name="Data">The payload, decrypted when the hook found encryption info.</param>
/// <param name="WasEncrypted">True when the packet carried encryption side data.</param>
public sealed record DemuxedPacket(int StreamIndex, uint TrackId, byte[] Data, bool WasEncrypted);
