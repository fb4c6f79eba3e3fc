using System.Runtime.InteropServices;

namespace Decryptor.Interop.FFmpeg;

/// <summary>
/// The FFmpeg 5.1 C functions used here, under their C names, bound to Debian's sonames
/// (libavformat.so.59, libavcodec.so.59, libavutil.so.57, libswscale.so.6).
/// Call <see cref="FFmpegLibraries.EnsureLoaded"/> first for a clear error when one is missing.
/// </summary>
internal static unsafe partial class Native
{
    public const string AvFormat = "libavformat.so.59";
    public const string AvCodec = "libavcodec.so.59";
    public const string AvUtil = "libavutil.so.57";
    public const string SwScale = "libswscale.so.6";

    public const int AVSEEK_SIZE = 0x10000;
    public const int AVSEEK_FORCE = 0x20000;
    public const int AVSEEK_FLAG_BACKWARD = 1;
    public const int AVMEDIA_TYPE_VIDEO = 0;
    public const int AVMEDIA_TYPE_AUDIO = 1;
    public const int AV_PKT_DATA_ENCRYPTION_INFO = 25;
    public const int AV_LOG_QUIET = -8;
    public const int AV_LOG_ERROR = 16;
    public const int AV_PIX_FMT_RGB24 = 2;
    public const int SWS_BILINEAR = 2;
    public const int SEEK_SET = 0;
    public const int SEEK_CUR = 1;
    public const int SEEK_END = 2;

    /// <summary>FFERRTAG('E','O','F',' ').</summary>
    public const int AVERROR_EOF = -541478725;

    public const int AVERROR_EAGAIN = -11;
    public const int AVERROR_EIO = -5;
    public const int AVERROR_EINVAL = -22;

    // libavformat
    [LibraryImport(AvFormat)]
    public static partial uint avformat_version();

    [LibraryImport(AvFormat)]
    public static partial nint avformat_alloc_context();

    [LibraryImport(AvFormat, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int avformat_open_input(ref nint ps, string? url, nint fmt,
        nint options);

    [LibraryImport(AvFormat)]
    public static partial int avformat_find_stream_info(nint ic, nint options);

    [LibraryImport(AvFormat)]
    public static partial void avformat_close_input(ref nint s);

    [LibraryImport(AvFormat)]
    public static partial int av_read_frame(nint s, nint pkt);

    [LibraryImport(AvFormat)]
    public static partial int av_seek_frame(nint s, int streamIndex, long timestamp, int flags);

    [LibraryImport(AvFormat)]
    public static partial nint avio_alloc_context(nint buffer, int bufferSize, int writeFlag,
        nint opaque, nint readPacket, nint writePacket, nint seek);

    [LibraryImport(AvFormat)]
    public static partial void avio_context_free(ref nint s);

    // libavcodec
    [LibraryImport(AvCodec)]
    public static partial uint avcodec_version();

    [LibraryImport(AvCodec)]
    public static partial nint avcodec_find_decoder(int id);

    [LibraryImport(AvCodec)]
    public static partial nint avcodec_alloc_context3(nint codec);

    [LibraryImport(AvCodec)]
    public static partial int avcodec_parameters_to_context(nint codec, nint par);

    [LibraryImport(AvCodec)]
    public static partial int avcodec_open2(nint avctx, nint codec, nint options);

    [LibraryImport(AvCodec)]
    public static partial int avcodec_send_packet(nint avctx, nint avpkt);

    [LibraryImport(AvCodec)]
    public static partial int avcodec_receive_frame(nint avctx, nint frame);

    [LibraryImport(AvCodec)]
    public static partial void avcodec_flush_buffers(nint avctx);

    [LibraryImport(AvCodec)]
    public static partial void avcodec_free_context(ref nint avctx);

    [LibraryImport(AvCodec)]
    public static partial nint av_packet_alloc();

    [LibraryImport(AvCodec)]
    public static partial void av_packet_free(ref nint pkt);

    [LibraryImport(AvCodec)]
    public static partial void av_packet_unref(nint pkt);

    [LibraryImport(AvCodec)]
    public static partial nint av_packet_get_side_data(nint pkt, int type, out nuint size);

    [LibraryImport(AvCodec)]
    public static partial int av_packet_make_writable(nint pkt);

    [LibraryImport(AvCodec)]
    public static partial int av_new_packet(nint pkt, int size);

    [LibraryImport(AvCodec)]
    public static partial int av_packet_add_side_data(nint pkt, int type, nint data, nuint size);

    // libavutil
    [LibraryImport(AvUtil)]
    public static partial uint avutil_version();

    [LibraryImport(AvUtil)]
    public static partial nint av_malloc(nuint size);

    [LibraryImport(AvUtil)]
    public static partial void av_free(nint ptr);

    [LibraryImport(AvUtil)]
    public static partial nint av_frame_alloc();

    [LibraryImport(AvUtil)]
    public static partial void av_frame_free(ref nint frame);

    [LibraryImport(AvUtil)]
    public static partial void av_frame_unref(nint frame);

    [LibraryImport(AvUtil)]
    public static partial int av_strerror(int errnum, byte* errbuf, nuint errbufSize);

    [LibraryImport(AvUtil)]
    public static partial void av_log_set_level(int level);

    [LibraryImport(AvUtil)]
    public static partial int av_image_get_buffer_size(int pixFmt, int width, int height,
        int align);

    [LibraryImport(AvUtil)]
    public static partial int av_image_copy_to_buffer(byte* dst, int dstSize, nint srcData,
        nint srcLinesize, int pixFmt, int width, int height, int align);

    [LibraryImport(AvUtil)]
    public static partial nint av_encryption_info_get_side_data(byte* sideData, nuint sideDataSize);

    [LibraryImport(AvUtil)]
    public static partial void av_encryption_info_free(nint info);

    [LibraryImport(AvUtil)]
    public static partial nint av_encryption_info_alloc(uint subsampleCount, uint keyIdSize,
        uint ivSize);

    [LibraryImport(AvUtil)]
    public static partial nint av_encryption_info_add_side_data(nint info, out nuint sideDataSize);

    // libswscale
    [LibraryImport(SwScale)]
    public static partial nint sws_getContext(int srcW, int srcH, int srcFormat, int dstW,
        int dstH, int dstFormat, int flags, nint srcFilter, nint dstFilter, nint param);

    [LibraryImport(SwScale)]
    public static partial int sws_scale(nint c, nint srcSlice, nint srcStride, int srcSliceY,
        int srcSliceH, byte** dst, int* dstStride);

    [LibraryImport(SwScale)]
    public static partial void sws_freeContext(nint swsContext);
}
