using System.Diagnostics;
using Decryptor.Keys;

namespace Decryptor.SamplePlayer.Commands;

/// <summary>
/// `demo`: makes a small CENC clip with FFmpeg once (cached), then plays it through the
/// decryptor as `play` does, with the demo key given internally.
/// </summary>
public sealed class DemoCommand : ICommand
{
    /// <summary>A fixed, public demo key: the clip protects nothing.</summary>
    public const string Kid = "d3c0de00d3c0de00d3c0de00d3c0de00";

    public const string Key = "00112233445566778899aabbccddeeff";

    public string Name => "demo";

    public string Synopsis => "";

    public int PositionalCount => 0;

    public string Description =>
        "Make a 4 s CENC clip with FFmpeg (cached) and play it through the decryptor.";

    public int Execute(CommandContext context)
    {
        PlayCommand.Quiet(context);
        var clip = EnsureClip(context);
        context.Out.WriteLine($"demo: playing {clip} (CENC AES-CTR, KID {Kid})");

        var keys = new StaticKeyProvider();
        keys.AddKeyOption($"{Kid}:{Key}");
        var index = Index.MovieIndex.Open(clip, context.Logger);
        using var input = ProtectedInput.Open(index, new KeyResolver(keys, context.Logger),
            context.Logger);
        var summary = MediaPlayback.Play(input.Input, new PlaybackOptions
        {
            Progress = context.ShowProgress ? context.Error : null,
        });
        return PlayCommand.Report(context, summary, null);
    }

    /// <summary>The cache directory: $XDG_CACHE_HOME/decryptor or ~/.cache/decryptor.</summary>
    public static string CacheDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
                ".cache")
            : xdg;
        return Path.Combine(root, "decryptor");
    }

    private static string EnsureClip(CommandContext context)
    {
        var directory = CacheDirectory();
        var clip = Path.Combine(directory, "demo.mp4");
        if (File.Exists(clip))
        {
            return clip;
        }

        Directory.CreateDirectory(directory);
        context.Error.WriteLine($"demo: making {clip} with FFmpeg (first run only)");

        // A temporary name first, so an interrupted run never leaves a half clip behind.
        var temporary = Path.Combine(directory, $".demo.{Environment.ProcessId}.mp4");
        try
        {
            RunFfmpeg(temporary);
            File.Move(temporary, clip, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return clip;
    }

    private static void RunFfmpeg(string output)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[]
        {
            "-nostdin", "-v", "error", "-y",
            "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440", "-t", "4",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
            "-encryption_scheme", "cenc-aes-ctr", "-encryption_key", Key,
            "-encryption_kid", Kid, output,
        })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new IOException("ffmpeg is not installed (apt-get install ffmpeg)", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            _ = stdout.Result;
            if (process.ExitCode != 0)
            {
                throw new IOException($"ffmpeg could not make the demo clip: "
                    + stderr.ReplaceLineEndings(" ").Trim());
            }
        }
    }
}
