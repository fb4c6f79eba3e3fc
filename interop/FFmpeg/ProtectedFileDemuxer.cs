using System.Runtime.CompilerServices;

namespace Decryptor.Interop.FFmpeg;

/// <summary>
/// A minimal libavformat demux loop over a protected MP4, opened without a decryption_key so
/// that FFmpeg 5.1 attaches encryption side data to each packet, which
/// <see cref="EncryptedPacketDecryptor"/> then decrypts. For tests and as a model for apps.
/// </summary>
public sealed class ProtectedFileDemuxer : IDisposable
{
    private readonly AVFormatContextHandle _context = new();
    private readonly uint[] _trackIds;

    /// <exception cref="FFmpegException">FFmpeg cannot open or probe the file.</exception>
    public unsafe ProtectedFileDemuxer(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FFmpegLibraries.EnsureLoaded();

        nint context = 0;
        FFmpegError.Check(Native.avformat_open_input(ref context, path, 0, 0),
            $"avformat_open_input({path})");
        _context.Set(context);

        FFmpegError.Check(Native.avformat_find_stream_info(context, 0),
            "avformat_find_stream_info");

        // The mov demuxer sets AVStream.id to the track_ID of the `tkhd`.
        var count = Unsafe.ReadUnaligned<uint>((byte*)context + Layout.AVFormatContext_nb_streams);
        var streams = Unsafe.ReadUnaligned<nint>((byte*)context + Layout.AVFormatContext_streams);
        _trackIds = new uint[count];
        for (var i = 0; i < count; i++)
        {
            var stream = ((nint*)streams)[i];
            _trackIds[i] = Unsafe.ReadUnaligned<uint>((byte*)stream + Layout.AVStream_id);
        }
    }

    /// <summary>The track_ID of each stream, by stream index.</summary>
    public IReadOnlyList<uint> TrackIds => _trackIds;

    /// <summary>
    /// Reads every packet to the end of the file, decrypting each through
    /// <paramref name="decryptor"/> (or leaving it as stored when null) before copying it out.
    /// </summary>
    /// <exception cref="FFmpegException">av_read_frame fails other than at the end.</exception>
    public IEnumerable<DemuxedPacket> ReadPackets(EncryptedPacketDecryptor? decryptor)
    {
        ObjectDisposedException.ThrowIf(_context.IsClosed, this);

        using var packet = AVPacketHandle.Allocate();
        while (TryRead(packet, out var streamIndex))
        {
            var trackId = streamIndex < _trackIds.Length ? _trackIds[streamIndex] : 0;
            var encrypted = decryptor?.Decrypt(packet, trackId)
                ?? Native.av_packet_get_side_data(packet.DangerousGetHandle(),
                    Native.AV_PKT_DATA_ENCRYPTION_INFO, out _) != 0;
            var data = Copy(packet);
            Native.av_packet_unref(packet.DangerousGetHandle());
            yield return new DemuxedPacket(streamIndex, trackId, data, encrypted);
        }
    }

    public void Dispose() => _context.Dispose();

    private static unsafe byte[] Copy(AVPacketHandle packet)
    {
        var pointer = (byte*)packet.DangerousGetHandle();
        var data = Unsafe.ReadUnaligned<nint>(pointer + Layout.AVPacket_data);
        var size = Unsafe.ReadUnaligned<int>(pointer + Layout.AVPacket_size);
        return data == 0 ? [] : new ReadOnlySpan<byte>((void*)data, size).ToArray();
    }

    private unsafe bool TryRead(AVPacketHandle packet, out int streamIndex)
    {
        var pointer = packet.DangerousGetHandle();
        var result = Native.av_read_frame(_context.DangerousGetHandle(), pointer);
        if (result == Native.AVERROR_EOF)
        {
            streamIndex = -1;
            return false;
        }

        FFmpegError.Check(result, "av_read_frame");
        streamIndex = Unsafe.ReadUnaligned<int>((byte*)pointer + Layout.AVPacket_stream_index);
        return true;
    }
}
