namespace Decryptor.Interop.FFmpeg;

/// <summary>FFmpeg's own logging, which goes straight to the process's stderr.</summary>
public static class FFmpegLog
{
    /// <summary>Errors only when <paramref name="verbose"/>, otherwise nothing.</summary>
    public static void SetLevel(bool verbose)
    {
        FFmpegLibraries.EnsureLoaded();
        Native.av_log_set_level(verbose ? Native.AV_LOG_ERROR : Native.AV_LOG_QUIET);
    }
}
