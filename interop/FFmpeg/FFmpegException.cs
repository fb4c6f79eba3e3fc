namespace Decryptor.Interop.FFmpeg;

/// <summary>An FFmpeg call failed; carries the call, its AVERROR code and FFmpeg's text.</summary>
public sealed class FFmpegException : IOException
{
    public FFmpegException(string call, int error)
        : base($"{call} failed: {FFmpegError.Describe(error)} (AVERROR {error})")
    {
        Call = call;
        Error = error;
    }

    public FFmpegException()
    {
        Call = string.Empty;
    }

    public FFmpegException(string message)
        : base(message)
    {
        Call = string.Empty;
    }

    public FFmpegException(string message, Exception innerException)
        : base(message, innerException)
    {
        Call = string.Empty;
    }

    public string Call { get; }

    public int Error { get; }
}
