namespace Decryptor.Tests.TestSupport;

/// <summary>Runs the real `ffmpeg` (Debian package ffmpeg) as an independent reader.</summary>
public static class FfmpegTool
{
    /// <summary>`ffmpeg -i FILE -map 0 -c copy -f framemd5 -`, parsed.</summary>
    public static Dictionary<int, List<(int Size, string Md5)>> FrameMd5Of(string path)
    {
        var (code, stdout, stderr) = Run("-v", "error", "-i", path, "-map", "0", "-c", "copy",
            "-f", "framemd5", "-");
        NUnit.Framework.Assert.That(code, NUnit.Framework.Is.Zero,
            $"ffmpeg could not read {path}: {stderr}");
        return FrameMd5.Parse(stdout);
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        try
        {
            return ExternalProgram.Run("ffmpeg", args);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "ffmpeg is not installed; install the Debian package 'ffmpeg' (.ci/run does)", e);
        }
    }
}
