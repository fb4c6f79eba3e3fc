namespace Decryptor.Interop.FFmpeg;

/// <summary>
/// An opened AVFormatContext, over a .NET stream (through <see cref="AvioStreamContext"/>) or
/// a plain file, with its streams probed. Reads packets and seeks.
/// </summary>
public sealed unsafe class FFmpegInput : IDisposable
{
    private const long NoPts = long.MinValue;

    private readonly AVFormatContextHandle _format = new();
    private readonly AvioStreamContext? _io;
    private readonly AVPacketHandle _packet;

    private FFmpegInput(AvioStreamContext? io)
    {
        _io = io;
        _packet = AVPacketHandle.Allocate();
    }

    public IReadOnlyList<FFmpegStreamInfo> Streams { get; private set; } = [];

    /// <summary>The container's duration in seconds, or null when unknown.</summary>
    public double? DurationSeconds { get; private set; }

    /// <summary>The packet last read by <see cref="ReadPacket"/>, until the next call.</summary>
    public nint Packet => _packet.DangerousGetHandle();

    public int PacketStreamIndex => *(int*)(Packet + Layout.AVPacket_stream_index);

    /// <summary>Opens <paramref name="stream"/> (a whole MP4, seekable for best results).</summary>
    public static FFmpegInput Open(Stream stream, bool ownsStream = false)
    {
        FFmpegLibraries.EnsureLoaded();
        var io = new AvioStreamContext(stream, ownsStream);
        var input = new FFmpegInput(io);
        try
        {
            // With pb set before avformat_open_input, FFmpeg reads through it (custom I/O).
            var context = Native.avformat_alloc_context();
            if (context == 0)
            {
                throw new FFmpegException("avformat_alloc_context returned NULL");
            }

            *(nint*)(context + Layout.AVFormatContext_pb) = io.Context;
            input.OpenContext(context, null);
            return input;
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    /// <summary>Opens a plain file by path (a clear file, read by FFmpeg itself).</summary>
    public static FFmpegInput OpenFile(string path)
    {
        FFmpegLibraries.EnsureLoaded();
        var input = new FFmpegInput(null);
        try
        {
            input.OpenContext(0, path);
            return input;
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    /// <summary>The first stream of a kind, or null.</summary>
    public FFmpegStreamInfo? FirstStream(FFmpegMediaType type) =>
        Streams.FirstOrDefault(s => s.MediaType == type);

    /// <summary>Reads the next packet into <see cref="Packet"/>; false at the end.</summary>
    public bool ReadPacket()
    {
        Native.av_packet_unref(Packet);
        var result = Native.av_read_frame(_format.DangerousGetHandle(), Packet);
        if (result == Native.AVERROR_EOF)
        {
            // A stream failure may surface as EOF in the demuxer: report it, not a short file.
            _io?.RethrowPending();
            return false;
        }

        Check(result, "av_read_frame");
        return true;
    }

    /// <summary>Seeks to the key frame at or before <paramref name="timestamp"/>.</summary>
    public void Seek(int streamIndex, long timestamp) =>
        Check(Native.av_seek_frame(_format.DangerousGetHandle(), streamIndex, timestamp,
            Native.AVSEEK_FLAG_BACKWARD), "av_seek_frame");

    public void Dispose()
    {
        // The format context first: closing it may still touch pb, which it does not free.
        _format.Dispose();
        _packet.Dispose();
        _io?.Dispose();
    }

    private void OpenContext(nint context, string? path)
    {
        var result = Native.avformat_open_input(ref context, path, 0, 0);

        // On failure avformat_open_input has freed the context (never a custom pb).
        Check(result, "avformat_open_input");
        _format.Set(context);
        Check(Native.avformat_find_stream_info(context, 0), "avformat_find_stream_info");
        Streams = ReadStreams(context);
        var duration = *(long*)(context + Layout.AVFormatContext_duration);
        DurationSeconds = duration == NoPts ? null : duration / 1e6;
    }

    private static List<FFmpegStreamInfo> ReadStreams(nint context)
    {
        var count = *(uint*)(context + Layout.AVFormatContext_nb_streams);
        var streams = *(nint**)(context + Layout.AVFormatContext_streams);
        var result = new List<FFmpegStreamInfo>((int)count);
        for (var i = 0; i < count; i++)
        {
            var stream = streams[i];
            var parameters = *(nint*)(stream + Layout.AVStream_codecpar);
            var type = *(int*)(parameters + Layout.AVCodecParameters_codec_type) switch
            {
                Native.AVMEDIA_TYPE_VIDEO => FFmpegMediaType.Video,
                Native.AVMEDIA_TYPE_AUDIO => FFmpegMediaType.Audio,
                _ => FFmpegMediaType.Other,
            };
            result.Add(new FFmpegStreamInfo(
                *(int*)(stream + Layout.AVStream_index),
                type,
                *(int*)(parameters + Layout.AVCodecParameters_codec_id),
                *(int*)(stream + Layout.AVStream_time_base),
                *(int*)(stream + Layout.AVStream_time_base + 4),
                *(int*)(parameters + Layout.AVCodecParameters_width),
                *(int*)(parameters + Layout.AVCodecParameters_height),
                parameters));
        }

        return result;
    }

    private void Check(int result, string call)
    {
        if (result < 0)
        {
            // The stream's own exception says more than FFmpeg's "I/O error".
            _io?.RethrowPending();
            FFmpegError.Check(result, call);
        }
    }
}
