using System.Diagnostics;
using System.Globalization;
using Decryptor.Interop.FFmpeg;

namespace Decryptor.SamplePlayer.Commands;

/// <summary>
/// Decodes every audio and video frame of an opened input, as a player would, hashing and
/// saving video frames of the first video stream when asked.
/// </summary>
public static class MediaPlayback
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    public static PlaybackSummary Play(FFmpegInput input, PlaybackOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var decoders = new Dictionary<int, FFmpegDecoder>();
        try
        {
            foreach (var stream in input.Streams.Where(s => s.MediaType != FFmpegMediaType.Other))
            {
                decoders[stream.Index] = new FFmpegDecoder(stream);
            }

            // A file cut inside its moov may open with no stream: nothing would play.
            if (decoders.Count == 0)
            {
                throw new FFmpegException(
                    "avformat_find_stream_info: no audio or video stream to play");
            }

            return Run(input, decoders, options);
        }
        finally
        {
            foreach (var decoder in decoders.Values)
            {
                decoder.Dispose();
            }
        }
    }

    private static PlaybackSummary Run(
        FFmpegInput input, Dictionary<int, FFmpegDecoder> decoders, PlaybackOptions options)
    {
        var firstVideo = input.FirstStream(FFmpegMediaType.Video);
        var (videoFrames, audioFrames, audioSamples, lastTime) = (0, 0, 0L, 0.0);
        var snapshotWritten = false;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;

        void OnFrame(FFmpegDecoder decoder, DecodedFrame frame)
        {
            var stream = decoder.Stream;
            if (frame.BestEffortTimestamp != long.MinValue)
            {
                lastTime = Math.Max(lastTime, stream.ToSeconds(frame.BestEffortTimestamp));
            }

            if (stream.MediaType == FFmpegMediaType.Audio)
            {
                audioFrames++;
                audioSamples += frame.SampleCount;
                return;
            }

            if (stream.Index == firstVideo?.Index)
            {
                options.FrameMd5?.WriteLine(FrameMd5Line(frame));
                if (videoFrames == options.SnapshotFrame && options.SnapshotPath is { } path)
                {
                    var rgb = FrameRgbConverter.ToRgb24(frame);
                    PngWriter.WriteRgb24(path, frame.Width, frame.Height, rgb);
                    snapshotWritten = true;
                }
            }

            videoFrames++;
        }

        while (input.ReadPacket())
        {
            if (decoders.TryGetValue(input.PacketStreamIndex, out var decoder))
            {
                decoder.Decode(input.Packet, frame => OnFrame(decoder, frame));
            }

            if (options.Progress is { } progress && clock.Elapsed - lastReport > ProgressInterval)
            {
                lastReport = clock.Elapsed;
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"play: {lastTime:F1} s, {videoFrames} video and {audioFrames} audio frames"));
            }
        }

        // The end: drain what the decoders still hold (B-frame reordering, audio priming).
        foreach (var decoder in decoders.Values)
        {
            decoder.Decode(0, frame => OnFrame(decoder, frame));
        }

        var duration = input.DurationSeconds ?? lastTime;
        return new PlaybackSummary(videoFrames, audioFrames, audioSamples, duration,
            decoders.Values.Sum(d => d.DecodeErrors), snapshotWritten);
    }

    /// <summary>`0, pts, pts, duration, size, md5`, as `ffmpeg -f framemd5` prints it.</summary>
    private static string FrameMd5Line(DecodedFrame frame)
    {
        var (size, md5) = frame.ImageMd5();
        var pts = frame.BestEffortTimestamp;
        return string.Create(CultureInfo.InvariantCulture,
            $"0, {pts,10}, {pts,10}, {frame.PacketDuration,8}, {size,8}, {md5}");
    }
}
