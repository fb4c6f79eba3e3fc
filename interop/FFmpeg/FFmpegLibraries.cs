using System.Runtime.InteropServices;

namespace Decryptor.Interop.FFmpeg;

/// <summary>
/// Loads FFmpeg once and checks it is the 5.1 line this binding mirrors: libavformat 59,
/// libavcodec 59, libavutil 57. Anything else is refused before a struct offset is trusted.
/// </summary>
public static class FFmpegLibraries
{
    public const int SupportedAvFormatMajor = 59;
    public const int SupportedAvCodecMajor = 59;
    public const int SupportedAvUtilMajor = 57;

    private static readonly Lazy<FFmpegNotAvailableException?> Failure = new(Check);

    /// <summary>Throws <see cref="FFmpegNotAvailableException"/> when FFmpeg is unusable.</summary>
    public static void EnsureLoaded()
    {
        if (Failure.Value is { } failure)
        {
            throw failure;
        }
    }

    public static bool IsAvailable => Failure.Value is null;

    private static FFmpegNotAvailableException? Check()
    {
        foreach (var (library, package) in new[]
        {
            (Native.AvUtil, "libavutil57"),
            (Native.AvCodec, "libavcodec59"),
            (Native.AvFormat, "libavformat59"),
            (Native.SwScale, "libswscale6"),
        })
        {
            if (!NativeLibrary.TryLoad(library, out _))
            {
                return new FFmpegNotAvailableException(
                    $"FFmpeg's {library} is missing: install the Debian package {package} "
                    + "(apt-get install ffmpeg brings all of FFmpeg 5.1).");
            }
        }

        var versions = new[]
        {
            ("libavformat", Native.avformat_version() >> 16, SupportedAvFormatMajor),
            ("libavcodec", Native.avcodec_version() >> 16, SupportedAvCodecMajor),
            ("libavutil", Native.avutil_version() >> 16, SupportedAvUtilMajor),
        };
        foreach (var (name, major, supported) in versions)
        {
            if (major != supported)
            {
                return new FFmpegNotAvailableException(
                    $"{name} major version {major} is not the {supported} (FFmpeg 5.1) whose "
                    + "struct layout this binding mirrors; refusing to use it.");
            }
        }

        return null;
    }
}
