namespace Decryptor.Interop.FFmpeg;

/// <summary>Converts a decoded video frame to packed RGB24 with libswscale.</summary>
public static unsafe class FrameRgbConverter
{
    /// <summary>Width × height × 3 bytes, rows top to bottom with no padding.</summary>
    public static byte[] ToRgb24(DecodedFrame frame)
    {
        var (width, height) = (frame.Width, frame.Height);
        var scaler = Native.sws_getContext(width, height, frame.Format, width, height,
            Native.AV_PIX_FMT_RGB24, Native.SWS_BILINEAR, 0, 0, 0);
        if (scaler == 0)
        {
            throw new FFmpegException(
                $"sws_getContext: cannot convert pixel format {frame.Format} to RGB24");
        }

        try
        {
            var rgb = new byte[checked(width * height * 3)];
            fixed (byte* destination = rgb)
            {
                var planes = stackalloc byte*[4] { destination, null, null, null };
                var strides = stackalloc int[4] { width * 3, 0, 0, 0 };
                var rows = Native.sws_scale(scaler, frame.Pointer + Layout.AVFrame_data,
                    frame.Pointer + Layout.AVFrame_linesize, 0, height, planes, strides);
                FFmpegError.Check(rows, "sws_scale");
            }

            return rgb;
        }
        finally
        {
            Native.sws_freeContext(scaler);
        }
    }
}
