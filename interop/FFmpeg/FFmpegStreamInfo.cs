namespace Decryptor.Interop.FFmpeg;

/// <summary>The media type of an FFmpeg stream (AVMediaType, only the kinds played here).</summary>
public enum FFmpegMediaType
{
    Other,
    Video,
    Audio,
}

/// <summary>
/// One AVStream of an opened input: its index, kind, time base and the AVCodecParameters
/// pointer, which stays valid as long as the <see cref="FFmpegInput"/> is open.
/// </summary>
public sealed record FFmpegStreamInfo(
    int Index,
    FFmpegMediaType MediaType,
    int CodecId,
    int TimeBaseNumerator,
    int TimeBaseDenominator,
    int Width,
    int Height,
    nint CodecParameters)
{
    /// <summary>A timestamp in this stream's time base, in seconds.</summary>
    public double ToSeconds(long timestamp) =>
        (double)timestamp * TimeBaseNumerator / Math.Max(TimeBaseDenominator, 1);

    /// <summary>Seconds as a timestamp in this stream's time base.</summary>
    public long FromSeconds(double seconds) =>
        (long)Math.Round(seconds * TimeBaseDenominator / Math.Max(TimeBaseNumerator, 1));
}
