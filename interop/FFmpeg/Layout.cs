namespace Decryptor.Interop.FFmpeg;

/// <summary>
/// Offsets of the FFmpeg 5.1 (libavformat 59, libavcodec 59, libavutil 57) struct fields that
/// have no accessor function, for x86-64 and other LP64 targets. Measured with offsetof against
/// Debian's headers; a test recompiles that check when the -dev packages are installed.
/// </summary>
internal static class Layout
{
    public const int AVFormatContext_pb = 32;
    public const int AVFormatContext_nb_streams = 44;
    public const int AVFormatContext_streams = 48;
    public const int AVFormatContext_duration = 72;

    public const int AVStream_index = 0;
    public const int AVStream_id = 4;
    public const int AVStream_time_base = 16;
    public const int AVStream_codecpar = 208;

    public const int AVCodecParameters_codec_type = 0;
    public const int AVCodecParameters_codec_id = 4;
    public const int AVCodecParameters_width = 56;
    public const int AVCodecParameters_height = 60;

    public const int AVPacket_pts = 8;
    public const int AVPacket_dts = 16;
    public const int AVPacket_data = 24;
    public const int AVPacket_size = 32;
    public const int AVPacket_stream_index = 36;
    public const int AVPacket_flags = 40;
    public const int AVPacket_pos = 72;

    public const int AVFrame_data = 0;
    public const int AVFrame_linesize = 64;
    public const int AVFrame_width = 104;
    public const int AVFrame_height = 108;
    public const int AVFrame_nb_samples = 112;
    public const int AVFrame_format = 116;
    public const int AVFrame_key_frame = 120;
    public const int AVFrame_pts = 136;
    public const int AVFrame_best_effort_timestamp = 344;
    public const int AVFrame_pkt_duration = 360;
    public const int AVFrame_sample_rate = 208;

    public const int AVEncryptionInfo_scheme = 0;
    public const int AVEncryptionInfo_crypt_byte_block = 4;
    public const int AVEncryptionInfo_skip_byte_block = 8;
    public const int AVEncryptionInfo_key_id = 16;
    public const int AVEncryptionInfo_key_id_size = 24;
    public const int AVEncryptionInfo_iv = 32;
    public const int AVEncryptionInfo_iv_size = 40;
    public const int AVEncryptionInfo_subsamples = 48;
    public const int AVEncryptionInfo_subsample_count = 56;
    public const int AVSubsampleEncryptionInfo_size = 8;

    public const int AVIOContext_buffer = 8;
}
