namespace Decryptor.Interop.FFmpeg;

/// <summary>FFmpeg's libraries are missing or of a version this binding does not mirror.</summary>
public sealed class FFmpegNotAvailableException : NotSupportedException
{
    public FFmpegNotAvailableException(string message)
        : base(message)
    {
    }

    public FFmpegNotAvailableException()
    {
    }

    public FFmpegNotAvailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
