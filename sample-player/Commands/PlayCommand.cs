using System.Globalization;
using Decryptor.Interop.FFmpeg;
using Decryptor.SamplePlayer.CommandLine;

namespace Decryptor.SamplePlayer.Commands;

/// <summary>
/// `play FILE`: decrypts through the clear view and decodes every audio and video frame with
/// FFmpeg, then prints what was decoded.
/// </summary>
public sealed class PlayCommand : ICommand
{
    public const string BackendOption = "--backend";
    public const string FrameMd5Option = "--frame-md5";
    public const string SnapshotOption = "--snapshot";

    public static IEnumerable<string> OptionNames => [BackendOption, FrameMd5Option,
        SnapshotOption];

    public string Name => "play";

    public string Synopsis => "FILE";

    public int PositionalCount => 1;

    public string Description =>
        "Decode every frame with FFmpeg [--backend ffmpeg] [--frame-md5 OUT] "
        + "[--snapshot N:FILE.png].";

    public int Execute(CommandContext context)
    {
        var backend = context.Arguments.Single(BackendOption) ?? "ffmpeg";
        if (backend != "ffmpeg")
        {
            throw new UsageException($"unknown backend '{backend}' (only 'ffmpeg')");
        }

        var (snapshotFrame, snapshotPath) = ParseSnapshot(context.Arguments.Single(
            SnapshotOption));
        var md5Path = context.Arguments.Single(FrameMd5Option);
        FFmpegLibraries.EnsureLoaded();
        Quiet(context);

        var index = Cli.OpenInput(context, context.Arguments.Positionals[0]);
        using var input = ProtectedInput.Open(index, context.CreateKeyResolver(),
            context.Logger);
        using var md5 = md5Path is null ? null : new StreamWriter(md5Path);
        var summary = MediaPlayback.Play(input.Input, new PlaybackOptions
        {
            FrameMd5 = md5,
            SnapshotFrame = snapshotFrame,
            SnapshotPath = snapshotPath,
            Progress = context.ShowProgress ? context.Error : null,
        });
        return Report(context, summary, snapshotPath);
    }

    /// <summary>Prints the summary; decode errors or a missing snapshot fail the run.</summary>
    internal static int Report(CommandContext context, PlaybackSummary summary,
        string? snapshotPath)
    {
        context.Out.Write(summary.Describe());
        if (snapshotPath is not null && !summary.SnapshotWritten)
        {
            context.Error.WriteLine($"sample-player: error: no video frame for the snapshot "
                + $"(decoded {summary.VideoFrames})");
            return Cli.Failure;
        }

        if (summary.DecodeErrors > 0)
        {
            context.Error.WriteLine($"sample-player: error: {summary.DecodeErrors} decode "
                + "errors (wrong key or damaged file?)");
            return Cli.Failure;
        }

        return Cli.Success;
    }

    /// <summary>FFmpeg logs to stderr by itself; only --verbose lets its errors through.</summary>
    internal static void Quiet(CommandContext context) =>
        FFmpegLog.SetLevel(context.Arguments.Has("--verbose") || context.Arguments.Has("-v"));

    private static (int? Frame, string? Path) ParseSnapshot(string? value)
    {
        if (value is null)
        {
            return (null, null);
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1 || !int.TryParse(value[..colon],
            NumberStyles.None, CultureInfo.InvariantCulture, out var frame))
        {
            throw new UsageException($"{SnapshotOption} takes N:FILE.png, not '{value}'");
        }

        return (frame, value[(colon + 1)..]);
    }
}
