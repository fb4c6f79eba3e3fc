using System.Text;

namespace Decryptor.Interop.FFmpeg;

/// <summary>Turns AVERROR codes into FFmpeg's own words and into exceptions.</summary>
internal static class FFmpegError
{
    public static unsafe string Describe(int error)
    {
        const int Size = 256;
        var buffer = stackalloc byte[Size];
        if (Native.av_strerror(error, buffer, Size) < 0)
        {
            return $"unknown error {error}";
        }

        var length = new ReadOnlySpan<byte>(buffer, Size).IndexOf((byte)0);
        return Encoding.UTF8.GetString(buffer, length < 0 ? Size : length);
    }

    /// <summary>Returns <paramref name="result"/> when it is not an error, else throws.</summary>
    public static int Check(int result, string call) =>
        result < 0 ? throw new FFmpegException(call, result) : result;
}
