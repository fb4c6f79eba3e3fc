using System.Runtime.InteropServices;

namespace Decryptor.Interop.FFmpeg;

/// <summary>An AVFormatContext opened with avformat_open_input.</summary>
public sealed class AVFormatContextHandle() : SafeHandle(0, ownsHandle: true)
{
    public override bool IsInvalid => handle == 0;

    internal void Set(nint value) => SetHandle(value);

    protected override bool ReleaseHandle()
    {
        var context = handle;
        Native.avformat_close_input(ref context);
        return true;
    }
}

/// <summary>An AVCodecContext from avcodec_alloc_context3.</summary>
public sealed class AVCodecContextHandle() : SafeHandle(0, ownsHandle: true)
{
    public override bool IsInvalid => handle == 0;

    internal static AVCodecContextHandle Allocate(nint codec)
    {
        var result = new AVCodecContextHandle();
        result.SetHandle(Native.avcodec_alloc_context3(codec));
        return result.IsInvalid
            ? throw new FFmpegException("avcodec_alloc_context3 returned NULL")
            : result;
    }

    protected override bool ReleaseHandle()
    {
        var context = handle;
        Native.avcodec_free_context(ref context);
        return true;
    }
}

/// <summary>An AVPacket from av_packet_alloc.</summary>
public sealed class AVPacketHandle() : SafeHandle(0, ownsHandle: true)
{
    public override bool IsInvalid => handle == 0;

    public static AVPacketHandle Allocate()
    {
        var result = new AVPacketHandle();
        result.SetHandle(Native.av_packet_alloc());
        return result.IsInvalid
            ? throw new FFmpegException("av_packet_alloc returned NULL")
            : result;
    }

    protected override bool ReleaseHandle()
    {
        var packet = handle;
        Native.av_packet_free(ref packet);
        return true;
    }
}

/// <summary>An AVFrame from av_frame_alloc.</summary>
public sealed class AVFrameHandle() : SafeHandle(0, ownsHandle: true)
{
    public override bool IsInvalid => handle == 0;

    public static AVFrameHandle Allocate()
    {
        var result = new AVFrameHandle();
        result.SetHandle(Native.av_frame_alloc());
        return result.IsInvalid
            ? throw new FFmpegException("av_frame_alloc returned NULL")
            : result;
    }

    protected override bool ReleaseHandle()
    {
        var frame = handle;
        Native.av_frame_free(ref frame);
        return true;
    }
}
