using System.Security.Cryptography;

namespace Decryptor.Interop.FFmpeg;

/// <summary>
/// A view of a decoded AVFrame, valid only while the decoder hands it out. Reads the fields
/// that have no accessor by their FFmpeg 5.1 offsets.
/// </summary>
public readonly unsafe struct DecodedFrame(nint frame)
{
    public nint Pointer => frame;

    public int Width => *(int*)(frame + Layout.AVFrame_width);

    public int Height => *(int*)(frame + Layout.AVFrame_height);

    /// <summary>AVPixelFormat for video, AVSampleFormat for audio.</summary>
    public int Format => *(int*)(frame + Layout.AVFrame_format);

    public int SampleCount => *(int*)(frame + Layout.AVFrame_nb_samples);

    public int SampleRate => *(int*)(frame + Layout.AVFrame_sample_rate);

    public bool IsKeyFrame => *(int*)(frame + Layout.AVFrame_key_frame) != 0;

    public long BestEffortTimestamp => *(long*)(frame + Layout.AVFrame_best_effort_timestamp);

    public long PacketDuration => *(long*)(frame + Layout.AVFrame_pkt_duration);

    /// <summary>The picture's planes packed with no padding (align 1), as framemd5 hashes
    /// them.</summary>
    public byte[] PackedImage()
    {
        var size = FFmpegError.Check(Native.av_image_get_buffer_size(Format, Width, Height, 1),
            "av_image_get_buffer_size");
        var buffer = new byte[size];
        fixed (byte* destination = buffer)
        {
            FFmpegError.Check(Native.av_image_copy_to_buffer(destination, size,
                frame + Layout.AVFrame_data, frame + Layout.AVFrame_linesize, Format, Width,
                Height, 1), "av_image_copy_to_buffer");
        }

        return buffer;
    }

    /// <summary>The lower-case hex MD5 of <see cref="PackedImage"/> and its size.</summary>
    public (int Size, string Md5) ImageMd5()
    {
        var image = PackedImage();
        return (image.Length, Convert.ToHexStringLower(MD5.HashData(image)));
    }
}
