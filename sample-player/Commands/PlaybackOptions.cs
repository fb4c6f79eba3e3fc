namespace Decryptor.SamplePlayer.Commands;

/// <summary>What a playback writes besides its summary, and where progress goes.</summary>
public sealed record PlaybackOptions
{
    /// <summary>framemd5 lines of the first video stream, or null.</summary>
    public TextWriter? FrameMd5 { get; init; }

    /// <summary>The video frame (from 0) to save as <see cref="SnapshotPath"/>.</summary>
    public int? SnapshotFrame { get; init; }

    public string? SnapshotPath { get; init; }

    /// <summary>Throttled progress lines, or null for none.</summary>
    public TextWriter? Progress { get; init; }
}

/// <summary>What a playback decoded.</summary>
public sealed record PlaybackSummary(
    int VideoFrames,
    int AudioFrames,
    long AudioSamples,
    double DurationSeconds,
    int DecodeErrors,
    bool SnapshotWritten)
{
    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"video frames: {VideoFrames}\naudio frames: {AudioFrames} ({AudioSamples} samples)\n"
        + $"duration: {DurationSeconds:F3} s\ndecode errors: {DecodeErrors}\n");
}
